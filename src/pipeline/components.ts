/**
 * The pipeline, in order. Each component is small, named, and documented by what it creates;
 * `vitae pipeline` prints this list.
 */
import type { Component } from './doc.ts';
import { extract } from './extract/index.ts';

export const COMPONENTS: Component[] = [extract];
