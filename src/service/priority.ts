/**
 * Which queue a parse goes to (§6.5): high priority unless the caller asked for low, or the workspace has spent
 * its high-priority budget for the last minute — then silently low, unless the caller explicitly insisted on
 * high (`lowPriority=false`), who gets 429 with the seconds until the budget frees up. Pure.
 */
import type { Priority } from './jobs/queue.ts';

export const BUDGET_WINDOW_MS = 60_000;

export interface PriorityRequest {
  lowPriority: boolean;
  explicit: boolean;
  /** High-priority parses per minute allowed (0 = no limit). */
  budget: number;
  /** The workspace's high-priority parses in the last minute, and the oldest of their times. */
  recent: { count: number; oldest: string | null };
  now: number;
}

export type PriorityDecision = { priority: Priority } | { retryAfterSeconds: number };

export function choosePriority(request: PriorityRequest): PriorityDecision {
  if (request.lowPriority) return { priority: 'low' };
  if (request.budget === 0 || request.recent.count < request.budget) return { priority: 'high' };
  if (!request.explicit) return { priority: 'low' };
  const frees = request.recent.oldest ? Date.parse(request.recent.oldest) + BUDGET_WINDOW_MS : request.now;
  return { retryAfterSeconds: Math.max(1, Math.ceil((frees - request.now) / 1000)) };
}
