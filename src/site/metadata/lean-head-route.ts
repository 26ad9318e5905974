/**
 * Starlight route middleware: the head without the two `generator` tags
 * (Astro's and Starlight's version), which no reader, browser or reference
 * manager reads; every page sent them again (issue 13: what a page weighs).
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  route.head = route.head.filter((tag) => !(tag.tag === 'meta' && tag.attrs?.name === 'generator'));
});
