/**
 * The review page (README "Review page"): a person opens `meta.reviewUrl`, sees the page images beside the
 * parsed data, corrects it and marks it verified. No API key: the signed segment in the path is the permission
 * (links.ts), for one document, until it expires; a bad one answers 403 (an HTML page for the page itself).
 *
 *   GET  /review/:segment            the page (HTML shell; the bundled script draws it)
 *   GET  /review/:segment/data       {data, meta, error} as GET /v2/resumes/{identifier} answers it, and `review`: the
 *                                    boxes of the values on the pages (review/boxes.ts) — this page's own, never Affinda's
 *   PUT  /review/:segment/data       reviewed fields, saved through PATCH's logic; answers as GET, boxes of edited values gone
 *   POST /review/:segment/verify     sets meta.isVerified; answers as GET
 *   GET  /review-assets/:file        the bundled script and style sheet
 */
import type { FastifyInstance } from 'fastify';
import type { ResumeData } from '../../../affinda/types.ts';
import type { Resume } from '../../../affinda/types.ts';
import type { DocumentService, ReviewGrant, ServiceConfig } from '../../contract.ts';
import { reviewBoxes, type ReviewBoxes } from '../../review/boxes.ts';
import { ApiError, notFound, toApiError } from '../errors.ts';
import { originOf } from '../origin.ts';
import { reviewErrors } from '../../review/validate.ts';
import { refusedPage, reviewShell, secureHeaders } from '../../review/page.ts';
import { reviewAsset } from '../../review/assets.ts';
import { reviewAssetSchema, reviewDataSchema, reviewPageSchema, reviewSaveSchema, reviewVerifySchema } from '../../review/schemas.ts';

export async function reviewRoutes(app: FastifyInstance, { service, config }: { service: DocumentService; config: ServiceConfig }): Promise<void> {
  // Every answer here, errors included, is under the page's security policy.
  app.addHook('onSend', async (_request, reply) => {
    secureHeaders(reply);
  });

  app.get('/review/:segment', { schema: reviewPageSchema }, async (request, reply) => {
    const { segment } = request.params as { segment: string };
    try {
      await service.openReview(segment);
    } catch (err) {
      const apiError = toApiError(err);
      return reply.code(apiError.status as 403).type('text/html; charset=utf-8').send(refusedPage(apiError.errors[0]?.detail ?? 'Not valid.'));
    }
    return reply.type('text/html; charset=utf-8').send(reviewShell());
  });

  /** The document as the API answers it, plus where its values are printed (only on this page's endpoints). */
  async function withBoxes({ workspace, identifier }: ReviewGrant, origin: string): Promise<Resume & { review: ReviewBoxes | null }> {
    const resume = await service.get(workspace, identifier, origin);
    return { ...resume, review: resume.data ? reviewBoxes(await service.provenance(workspace, identifier), resume.data) : null };
  }

  app.get('/review/:segment/data', { schema: reviewDataSchema }, async (request) => {
    const grant = await service.openReview((request.params as { segment: string }).segment);
    return withBoxes(grant, originOf(request, config));
  });

  app.put('/review/:segment/data', { schema: reviewSaveSchema }, async (request) => {
    const { workspace, identifier } = await service.openReview((request.params as { segment: string }).segment);
    const errors = reviewErrors(request.body);
    if (errors.length > 0) throw new ApiError(400, 'validation_error', errors);
    await service.update(workspace, identifier, request.body as Partial<ResumeData>);
    return withBoxes({ workspace, identifier }, originOf(request, config));
  });

  app.post('/review/:segment/verify', { schema: reviewVerifySchema }, async (request) => {
    const { workspace, identifier } = await service.openReview((request.params as { segment: string }).segment);
    await service.setVerified(workspace, identifier, true);
    return withBoxes({ workspace, identifier }, originOf(request, config));
  });

  app.get('/review-assets/:file', { schema: reviewAssetSchema }, async (request, reply) => {
    const asset = await reviewAsset((request.params as { file: string }).file);
    if (!asset) throw notFound();
    return reply.type(asset.type).send(asset.body);
  });
}
