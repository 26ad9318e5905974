/** Pagefind's own module (the pagefind.js it writes), bundled into the site's by search-index-fs.ts; its shape: pagefind-entry.ts. */
declare module 'pagefind-core';
