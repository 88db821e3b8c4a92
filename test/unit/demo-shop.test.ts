// The demo shop (scripts/demo-shop): server routing, content types, safety, and page markup that
// demos and end-to-end tests rely on.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequestPath, startDemoShop, type DemoShop } from '../../scripts/demo-shop/server.ts';
import {
  DEMO_JOURNEY,
  DEMO_JOURNEY_B,
  DEMO_OTHER_PAGES,
  DEMO_SELECTORS,
  DEMO_TITLES,
} from '../../scripts/demo-shop/pages.ts';

let shop: DemoShop;

beforeAll(async () => {
  shop = await startDemoShop({ port: 0, paymentPort: 0 });
});
afterAll(async () => {
  await shop?.close();
});

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
function titleOf(html: string): string {
  const m = /<title>([\s\S]*?)<\/title>/.exec(html);
  return m?.[1] === undefined ? '' : decodeEntities(m[1]);
}
async function get(path: string, base = shop.url): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(base + path);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}
/** A raw request whose target is sent exactly as given (fetch would normalise "/../"). */
function rawGet(
  path: string,
  method = 'GET',
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: shop.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}
/** What the server sends as <title>: the /app/* shell's own title until its script runs. */
function servedTitle(path: string, title: string): string {
  return /^\/(b\/)?app\//.test(path) ? DEMO_TITLES.account : title;
}

describe('demo shop server', () => {
  it('starts on random ports and reports two distinct origins', () => {
    expect(shop.port).toBeGreaterThan(0);
    expect(shop.paymentPort).toBeGreaterThan(0);
    expect(shop.port).not.toBe(shop.paymentPort);
    expect(shop.url).toBe(`http://127.0.0.1:${shop.port}`);
    expect(shop.paymentUrl).toBe(`http://127.0.0.1:${shop.paymentPort}`);
  });

  it.each([...DEMO_JOURNEY, ...DEMO_JOURNEY_B, ...DEMO_OTHER_PAGES].map((p) => [p.path, p.title] as const))(
    'serves %s as HTML with its title',
    async (path, title) => {
      const r = await get(path);
      expect(r.status).toBe(200);
      expect(r.type).toBe('text/html; charset=utf-8');
      expect(titleOf(r.body)).toBe(servedTitle(path, title));
    },
  );

  it('gives every variant A page a distinct title', () => {
    const titles = [...DEMO_JOURNEY, ...DEMO_OTHER_PAGES.filter((p) => !p.path.startsWith('/b/'))].map((p) => p.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('journeys use only the template stages, in order, with one pushState view each', () => {
    const order = [
      'landing',
      'search-browse',
      'product',
      'cart',
      'checkout-details',
      'delivery',
      'payment',
      'confirmation',
      'post-purchase',
    ];
    for (const journey of [DEMO_JOURNEY, DEMO_JOURNEY_B]) {
      const idx = journey.map((p) => order.indexOf(p.stage));
      expect(idx.every((i) => i >= 0)).toBe(true);
      expect([...idx].sort((a, b) => a - b)).toEqual(idx);
      const push = journey.filter((p) => p.how === 'pushState');
      expect(push).toHaveLength(1);
      expect(push[0]?.via?.click).toBe(DEMO_SELECTORS.tabOrders);
      expect(journey.slice(1).every((p) => p.via?.click)).toBe(true);
    }
    expect(DEMO_JOURNEY_B.length).toBeGreaterThan(DEMO_JOURNEY.length);
  });

  it('serves / and /b/ as the home pages, and extensionless paths', async () => {
    expect(titleOf((await get('/')).body)).toBe(DEMO_TITLES.home);
    expect(titleOf((await get('/b/')).body)).toBe(DEMO_TITLES.home);
    expect(titleOf((await get('/cart')).body)).toBe(DEMO_TITLES.cart);
  });

  it('serves assets with the right content types', async () => {
    expect((await get('/assets/shop.css')).type).toBe('text/css; charset=utf-8');
    expect((await get('/assets/shop.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/payment-frame.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get('/img/hero.svg')).type).toBe('image/svg+xml');
    expect((await get('/favicon.svg')).type).toBe('image/svg+xml');
  });

  it('serves the app shell for /app/* and /b/app/* deep links', async () => {
    for (const path of ['/app', '/app/', '/app/orders', '/app/profile', '/app/orders/NW-1/deep', '/b/app/orders']) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.body, path).toContain('id="app-view"');
      expect(r.body, path).toContain('id="tab-orders"');
    }
    expect((await get('/b/app/orders')).body).toContain('href="/b/app/orders"');
  });

  it('answers unknown paths with the 404 page', async () => {
    for (const path of ['/no-such-page.html', '/b/nope', '/img/missing.svg', '/.git/config', '/.env']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.type).toBe('text/html; charset=utf-8');
      expect(titleOf(r.body)).toBe(DEMO_TITLES.notFound);
    }
  });

  it('refuses path traversal, plain or encoded', async () => {
    for (const path of [
      '/../package.json',
      '/b/../../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/%2E%2E%2F%2E%2E%2Fpackage.json',
      '/..%5cpackage.json',
      '/a\\..\\..\\package.json',
    ]) {
      const r = await rawGet(path);
      expect([400, 403], path).toContain(r.status);
      expect(r.body, path).not.toContain('peakend');
    }
    expect((await rawGet('/%E0%A4%A')).status).toBe(400);
    expect((await rawGet('/index.html%00.svg')).status).toBe(400);
  });

  it('maps request paths inside the site directory only', () => {
    expect(resolveRequestPath('/../x').kind).toBe('forbidden');
    expect(resolveRequestPath('/config.js').kind).toBe('config');
    const r = resolveRequestPath('/b/app/orders?x=1');
    expect(r.kind).toBe('file');
    expect(r.kind === 'file' ? r.candidates[0] : r.kind).toMatch(/site[\\/]b[\\/]app\.html$/);
  });

  it('supports HEAD, turns no-JS form posts into GET redirects, rejects other methods', async () => {
    const head = await rawGet('/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(1000);
    const post = await rawGet('/confirmation.html', 'POST');
    expect(post.status).toBe(303);
    expect(post.headers.location).toBe('/confirmation.html');
    expect((await rawGet('/index.html', 'PUT')).status).toBe(405);
  });

  it('serves the payment frame on the second origin and tells pages where it is', async () => {
    const frame = await get('/payment-frame.html', shop.paymentUrl);
    expect(frame.status).toBe(200);
    expect(frame.type).toBe('text/html; charset=utf-8');
    expect(frame.body).toMatch(/<input id="frame-card"[^>]*autocomplete="cc-number"/);
    const cfg = await get('/config.js');
    expect(cfg.type).toBe('text/javascript; charset=utf-8');
    expect(cfg.body).toContain(`"paymentOrigin":"http://127.0.0.1:${shop.paymentPort}"`);
    expect(cfg.body).toContain(`"shopOrigin":"http://127.0.0.1:${shop.port}"`);
    const checkout = (await get('/checkout.html')).body;
    expect(checkout).toContain('<script src="/config.js"></script>');
    expect(checkout).toMatch(/<iframe id="payment-frame"[^>]*data-path="\/payment-frame\.html"/);
  });

  it('close() releases both ports and can be called twice', async () => {
    const other = await startDemoShop();
    const { url, paymentUrl } = other;
    expect((await fetch(url + '/index.html')).status).toBe(200);
    await Promise.all([other.close(), other.close()]);
    await expect(fetch(url + '/index.html')).rejects.toThrow('fetch failed');
    await expect(fetch(paymentUrl + '/index.html')).rejects.toThrow('fetch failed');
  });
});

describe('demo shop pages', () => {
  it('product page: four distinct images that exist, sizes, reviews, dead and rage buttons', async () => {
    const html = (await get('/product.html')).body;
    const thumbs = [...html.matchAll(/class="thumb[^"]*"[^>]*><img src="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(new Set(thumbs).size).toBe(4);
    for (const src of thumbs) expect((await get(src)).status, src).toBe(200);
    expect(html).toContain('<button type="button" class="btn-link" id="dead-button">Size guide</button>');
    expect(html).toMatch(/<button type="button"[^>]*id="rage-button">Apply coupon<\/button>/);
    expect(html).toContain('id="size-M"');
    expect(html).toContain('id="size-finder"');
    expect(html).toContain('id="add-to-cart"');
    expect(html).toMatch(/Reviews \(<span data-review-count>128<\/span>\)/);
    expect(html).toContain('5★</span><span class="bar"><span style="width:70%">');
    expect(html).toContain('id="lightbox"');
  });

  it('variant A checkout: realistic autocomplete, required fields, hidden and honeypot inputs', async () => {
    const html = (await get('/checkout.html')).body;
    expect(html).toMatch(/<form id="checkout-form"[^>]*novalidate/);
    for (const ac of [
      'given-name',
      'family-name',
      'email',
      'tel',
      'address-line1',
      'postal-code',
      'address-level2',
      'country',
      'cc-name',
      'cc-number',
      'cc-exp',
      'cc-csc',
    ]) {
      expect(html, ac).toContain(`autocomplete="${ac}"`);
    }
    expect(html).toMatch(/<input id="email"[^>]*required/);
    expect(html).not.toMatch(/<input id="tel"[^>]*required/);
    expect(html).toContain('<input type="hidden" name="csrf"');
    expect(html).toMatch(/<input[^>]*id="hp-website"[^>]*style="display:none"/);
    expect(html).toContain('id="form-errors" class="error-summary" role="alert"');
    expect(html).toContain('id="place-order"');
  });

  it('variant A shows delivery and VAT in the cart and offers guest checkout', async () => {
    const cart = (await get('/cart.html')).body;
    expect(cart).toContain('id="delivery-cost">€4.95');
    expect(cart).toContain('id="order-total">€193.95');
    expect(cart).toContain('Includes VAT (21%)');
    expect(cart).toContain('id="guest-checkout"');
    expect(cart).toContain('href="/checkout.html"');
  });

  it('variant B forces an account and hides delivery until payment', async () => {
    const cart = (await get('/b/cart.html')).body;
    expect(cart).not.toContain('delivery-cost');
    expect(cart).not.toContain('guest-checkout');
    expect(cart).not.toMatch(/as (a )?guest/i);
    expect(cart).toContain('href="/b/register.html"');
    const register = (await get('/b/register.html')).body;
    expect(register).toContain('autocomplete="new-password"');
    expect(register).not.toMatch(/as (a )?guest/i);
    for (const path of ['/b/register.html', '/b/checkout.html', '/b/delivery.html']) {
      expect((await get(path)).body, path).not.toContain('€9.95');
    }
    const payment = (await get('/b/payment.html')).body;
    expect(payment).toContain('id="delivery-cost">€9.95');
    expect(payment).toContain('autocomplete="cc-number"');
    // every B link stays inside variant B
    for (const p of DEMO_JOURNEY_B) {
      const html = (await get(p.path)).body;
      const hrefs = [...html.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1] ?? '');
      const escapes = hrefs.filter((h) => !h.startsWith('/b/') && !h.startsWith('/assets/') && h !== '/favicon.svg');
      expect(escapes, p.path).toEqual([]);
    }
  });

  it('confirmation says thanks, gives an order number and a delivery date', async () => {
    const html = (await get('/confirmation.html')).body;
    expect(html).toContain('Thank you');
    expect(html).toContain('id="order-number"');
    expect(html).toContain('id="delivery-date"');
    expect(html).toContain('What happens next');
  });

  it('hostile page: the title is escaped markup and the text contains </script> as text', async () => {
    const html = (await get('/hostile.html')).body;
    expect(html).toContain('<title>&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;</title>');
    expect(titleOf(html)).toBe(DEMO_TITLES.hostile);
    expect(html).toContain('&lt;/script&gt;');
    expect(html).not.toContain('<img src=x');
  });

  it('loads nothing from the network: no external URLs in any page or stylesheet', async () => {
    const paths = [...DEMO_JOURNEY, ...DEMO_JOURNEY_B, ...DEMO_OTHER_PAGES]
      .map((p) => p.path)
      .concat(['/assets/shop.css', '/assets/shop.js']);
    for (const path of paths) {
      const body = (await get(path)).body;
      const external = [...body.matchAll(/(?:src|href)="(https?:)?\/\/[^"]*"|url\((['"]?)https?:/g)].map((m) => m[0]);
      expect(external, path).toEqual([]);
    }
  });
});
