// A stand-in for the outside world on 127.0.0.1: the neutral quick-exit page, a page to come
// from (so Back has somewhere to go), and a partner page that pastes the embed snippet.
import http from 'node:http';

function html(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `</head><body><header><h1>${title}</h1></header>${body}</body></html>`;
}

/** Starts the server; resolves to { url(path), close() }. */
export function startNeutralSite(embedScriptUrl) {
  const pages = {
    '/weather': () => html('Weather forecast', '<p>Sunny spells.</p>'),
    '/start': () => html('Search results', '<p>A page visited before the chat.</p>'),
    '/partner': () => html('Health visitors: partner page',
      `<main><p>Our partner's content.</p></main><script src="${embedScriptUrl()}" data-region="uk-sct" ` +
      'data-page="partner-test" async></script>'),
  };
  const server = http.createServer((req, res) => {
    const page = pages[new URL(req.url, 'http://127.0.0.1').pathname];
    res.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page ? page() : 'not found');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const base = `http://127.0.0.1:${server.address().port}`;
      resolve({ url: (p) => base + p, close: () => new Promise((done) => server.close(done)) });
    });
  });
}
