/**
 * Content collections. The Starlight `docs` collection is the converter's
 * output (src/content/generated/docs, one MDX file per 篇 and 章); its
 * frontmatter carries `plan`, which says which part of the model a page shows.
 */
// defineCollection and z from the modules that define them, not through
// `astro:content`, which would load Astro's whole render runtime into the
// content sync that reads this file (issue 13: build time).
import { defineCollection } from 'astro/content/config';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

/** Which part of the model a page shows (see the converter contract). */
const planRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('part'), part: z.number().int().min(1) }).strict(),
  z
    .object({ kind: z.literal('chapter'), part: z.number().int().min(1), chapter: z.number().int().min(1) })
    .strict(),
  // Site pages outside the collection pass these through <StarlightPage>:
  // /packages/ and /packages/N/, /indicators/, /boxes/, /terms/, /data/, /downloads/, /contents/, and
  // the pages opening with the plan's title block (/, /full/).
  z.object({ kind: z.literal('appendix') }).strict(),
  z.object({ kind: z.literal('package'), package: z.number().int().min(1), name: z.string() }).strict(),
  z.object({ kind: z.literal('indicators') }).strict(),
  z.object({ kind: z.literal('boxes') }).strict(),
  z.object({ kind: z.literal('terms') }).strict(),
  z.object({ kind: z.literal('data') }).strict(),
  z.object({ kind: z.literal('downloads') }).strict(),
  z.object({ kind: z.literal('contents') }).strict(),
  z.object({ kind: z.literal('title-block') }).strict(),
]);

export const collections = {
  docs: defineCollection({
    // The bodies are compiled from the files (MDX); kept in the content store
    // they would only be bundled into the server build unread (issue 13: build time).
    loader: glob({ pattern: '**/*.mdx', base: './src/content/generated/docs', retainBody: false }),
    schema: docsSchema({ extend: z.object({ plan: planRefSchema.optional() }) }),
  }),
};
