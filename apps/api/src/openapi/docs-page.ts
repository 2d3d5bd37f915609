const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Operation {
  readonly summary?: string;
  readonly description?: string;
}

/** A plain page listing every route of the document, for a person with a browser. */
export const docsPage = (document: {
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
}): string => {
  const rows = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(
      ([method, op]) =>
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td><td>${escape(op.summary ?? '')}<br><small>${escape(op.description ?? '')}</small></td></tr>`,
    ),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(document.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}td{vertical-align:top;padding:.3rem .6rem;border-bottom:1px solid #ddd}small{color:#555}</style></head>
<body><h1>${escape(document.info.title)} ${escape(document.info.version)}</h1>
<p>The OpenAPI document is at <a href="/docs"><code>/docs</code></a> (JSON).</p>
<table>${rows.join('\n')}</table></body></html>`;
};
