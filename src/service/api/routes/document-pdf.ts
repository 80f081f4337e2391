/**
 * A document's PDF by signed link (`meta.pdf`): the original when it is a PDF, else its LibreOffice rendition
 * (service/rendition.ts). No API key — the link is the permission, as for page images — so this route lives
 * outside the authenticated document routes.
 *
 *   GET /v2/resumes/:identifier/document.pdf?expires=…&token=…    200 application/pdf | 403 | 404
 */
import type { FastifyInstance } from 'fastify';
import type { DocumentService } from '../../contract.ts';
import { nowSeconds } from '../../links.ts';
import { permissionDenied } from '../errors.ts';

const BAD_LINK = 'The link is not valid, or has expired.';

export async function documentPdfRoutes(app: FastifyInstance, { service }: { service: DocumentService }): Promise<void> {
  app.get('/v2/resumes/:identifier/document.pdf', { schema: { hide: true } }, async (request, reply) => {
    const { identifier } = request.params as { identifier: string };
    const { expires, token } = request.query as { expires?: string; token?: string };
    if (!expires || !/^\d{1,15}$/.test(expires) || !token || typeof token !== 'string') throw permissionDenied(BAD_LINK);
    const pdf = await service.pdf({ identifier, expires: Number(expires), token });
    return reply
      .type('application/pdf')
      .header('content-disposition', 'inline; filename="document.pdf"')
      // The browser may keep it as long as the link works; shared caches must not (the link is a credential).
      .header('cache-control', `private, max-age=${Math.max(0, Number(expires) - nowSeconds())}`)
      .header('x-content-type-options', 'nosniff')
      .send(pdf);
  });
}
