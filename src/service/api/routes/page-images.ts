/**
 * Page images by signed link, as an `<img src>` loads them: no API key (the link is the permission, see
 * src/service/links.ts), so these routes live outside the authenticated document routes.
 *
 *   GET /v2/resumes/:identifier/pages/:page.png?expires=…&token=…    200 image/png | 403 | 404
 */
import type { FastifyInstance } from 'fastify';
import type { DocumentService } from '../../contract.ts';
import { nowSeconds } from '../../links.ts';
import { notFound, permissionDenied } from '../errors.ts';
import { pageImageSchema } from '../schemas.ts';

const BAD_LINK = 'The link is not valid, or has expired.';

export async function pageImageRoutes(app: FastifyInstance, { service }: { service: DocumentService }): Promise<void> {
  app.get('/v2/resumes/:identifier/pages/:page.png', { schema: pageImageSchema }, async (request, reply) => {
    const { identifier, page } = request.params as { identifier: string; page: string };
    const { expires, token } = request.query as { expires?: string; token?: string };
    if (!/^\d{1,6}$/.test(page)) throw notFound();
    // A link with its parameters missing or malformed is a bad link, as a tampered one is.
    if (!expires || !/^\d{1,15}$/.test(expires) || !token) throw permissionDenied(BAD_LINK);
    const png = await service.pageImage({ identifier, pageIndex: Number(page), expires: Number(expires), token });
    return reply
      .type('image/png')
      // The browser may keep it as long as the link works; shared caches must not (the link is a credential).
      .header('cache-control', `private, max-age=${Math.max(0, Number(expires) - nowSeconds())}`)
      .header('x-content-type-options', 'nosniff')
      .send(png);
  });
}
