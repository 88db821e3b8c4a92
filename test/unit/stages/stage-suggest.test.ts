import { describe, expect, it } from 'vitest';
import { splitUrl, suggestStage } from '../../../src/domain/stage-suggest.ts';
import {
  BOOKING_TEMPLATE,
  DEFAULT_TEMPLATE_ID,
  ECOMMERCE_TEMPLATE,
  SIGNUP_TEMPLATE,
  SUPPORT_TEMPLATE,
  TEMPLATES,
  getTemplate,
  templateStage,
} from '../../../src/domain/templates.ts';

const shop = (url: string, title = '', text?: string) => suggestStage(ECOMMERCE_TEMPLATE, { url, title, text });

describe('templates', () => {
  it('e-commerce is the default and has the METHOD.md stages in order', () => {
    expect(DEFAULT_TEMPLATE_ID).toBe('e-commerce');
    expect(ECOMMERCE_TEMPLATE.stages.map((s) => s.id)).toEqual([
      'landing',
      'search-browse',
      'product',
      'cart',
      'checkout-details',
      'delivery',
      'payment',
      'confirmation',
      'post-purchase',
    ]);
  });

  it('has four versioned templates with unique ids, stage ids and Chrome-safe i18n keys', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['e-commerce', 'sign-up', 'booking', 'support-contact']);
    for (const t of TEMPLATES) {
      expect(t.version).toBeGreaterThanOrEqual(1);
      expect(t.nameKey).toMatch(/^[A-Za-z0-9_]+$/);
      expect(new Set(t.stages.map((s) => s.id)).size).toBe(t.stages.length);
      for (const s of t.stages) {
        expect(s.nameKey).toMatch(/^[A-Za-z0-9_]+$/);
        expect(s.name.length).toBeGreaterThan(0);
        expect(s.cues.url.length + s.cues.text.length).toBeGreaterThan(3);
      }
    }
  });

  it('no URL word belongs to two stages of one template (the suggestion would be arbitrary)', () => {
    for (const t of TEMPLATES) {
      const owner = new Map<string, string>();
      for (const s of t.stages) {
        for (const cue of s.cues.url) {
          expect(owner.get(cue), `${t.id}: "${cue}" in ${owner.get(cue)} and ${s.id}`).toBeUndefined();
          owner.set(cue, s.id);
        }
      }
    }
  });

  it('looks templates and stages up by id', () => {
    expect(getTemplate('booking')).toBe(BOOKING_TEMPLATE);
    expect(getTemplate('booking', 1)).toBe(BOOKING_TEMPLATE);
    expect(getTemplate('booking', 99)).toBeUndefined();
    expect(templateStage(ECOMMERCE_TEMPLATE, 'cart')?.name).toBe('Cart');
    expect(templateStage(ECOMMERCE_TEMPLATE, null)).toBeUndefined();
  });
});

describe('splitUrl', () => {
  it('splits path, strips extension, index, locale prefix; keeps query keys', () => {
    expect(splitUrl('https://shop.example:8080/en-gb/Products/index.html?cat=jackets&Sort=asc#Top')).toEqual({
      segments: ['products'],
      query: ['cat', 'sort'],
      fragment: 'top',
      indexPage: true,
    });
    expect(splitUrl('/')).toEqual({ segments: [], query: [], fragment: null, indexPage: false });
    expect(splitUrl('/index.html')).toEqual({ segments: [], query: [], fragment: null, indexPage: true });
    expect(splitUrl('/#/checkout/payment?step=2')).toEqual({
      segments: ['checkout', 'payment'],
      query: ['step'],
      fragment: null,
      indexPage: false,
    });
    expect(splitUrl('/caf%C3%A9/menu').segments).toEqual(['café', 'menu']);
  });

  it('keeps a locale-like first segment that is a cue word', () => {
    expect(splitUrl('/kb/article', (w) => w === 'kb').segments).toEqual(['kb', 'article']);
    expect(splitUrl('/kb/article').segments).toEqual(['article']);
  });
});

describe('suggestStage: e-commerce URLs', () => {
  it.each([
    ['https://shop.example/checkout/payment', 'payment'],
    ['https://shop.example/cart', 'cart'],
    ['https://shop.example/basket', 'cart'],
    ['https://shop.example/p/123-jacket', 'product'],
    ['https://shop.example/products?cat=jackets', 'search-browse'],
    ['https://shop.example/order/confirmation', 'confirmation'],
    ['https://shop.example/search?q=', 'search-browse'],
    ['https://shop.example/', 'landing'],
    ['https://shop.example/en-gb/', 'landing'],
    ['https://shop.example/checkout/cart', 'cart'],
    ['https://shop.example/checkout/#shipping', 'delivery'],
    ['https://shop.example/products/red-jacket', 'product'],
    ['https://shop.example/collections/jackets', 'search-browse'],
    ['https://www.amazon.example/Some-Jacket/dp/B08XYZ', 'product'],
    ['https://shop.example/s?k=jacket', 'search-browse'],
    ['https://shop.example/?s=shoes', 'search-browse'],
    ['https://shop.example/checkouts/cn/abc123/thank_you', 'confirmation'],
    ['https://shop.example/shopping-cart', 'cart'],
    ['https://shop.example/cart-summary', 'cart'],
    ['https://shop.example/account/orders', 'post-purchase'],
  ])('%s -> %s', (url, stage) => {
    expect(shop(url).stage).toBe(stage);
  });

  it.each([
    ['/index.html', 'landing'],
    ['/products.html', 'search-browse'],
    ['/product.html', 'product'],
    ['/cart.html', 'cart'],
    ['/checkout.html', 'checkout-details'],
    ['/confirmation.html', 'confirmation'],
    ['/b/register.html', 'checkout-details'],
    ['/b/payment.html', 'payment'],
    ['/app/orders', 'post-purchase'],
  ])('demo shop %s -> %s', (path, stage) => {
    expect(shop(`http://127.0.0.1:4173${path}`).stage).toBe(stage);
  });

  it('reads a one-word fragment only when it is a cue word', () => {
    expect(shop('/checkout/#payment').stage).toBe('payment');
    expect(shop('/products/red-jacket#reviews').stage).toBe('product');
    expect(shop('/products#top').stage).toBe('search-browse');
  });

  it('a URL pattern "word/*" needs a slug, not another cue word', () => {
    // "/products/checkout" is not a product called "checkout".
    expect(shop('/products/checkout').stage).toBe('checkout-details');
  });

  it('reports the evidence, a reason and a confidence', () => {
    const r = shop('/checkout/payment');
    expect(r.reason).toContain('payment');
    expect(r.confidence).toBeGreaterThanOrEqual(0.8);
    expect(r.evidence.map((e) => e.stage)).toEqual(['payment', 'checkout-details']);
  });
});

describe('suggestStage: text cues', () => {
  it('uses the title and text when the URL says nothing', () => {
    expect(shop('/x/y', 'Your basket | Acme').stage).toBe('cart');
    expect(shop('/x/y', 'Acme', 'Search results for "jacket" Sort by').stage).toBe('search-browse');
    expect(shop('/x/y', 'Acme', 'Choose your delivery method').stage).toBe('delivery');
    expect(shop('/x/y', 'Acme', 'Card number Expiry date').stage).toBe('payment');
    expect(shop('/x/y', 'Acme', 'Red jacket. Select size. Add to bag').stage).toBe('product');
  });

  it('title evidence outweighs body text', () => {
    expect(shop('/x', 'Checkout – Acme', 'Your cart').stage).toBe('checkout-details');
    expect(shop('/x', 'Shopping cart – Acme', 'Checkout').stage).toBe('cart');
  });

  it('prefers the later stage when the evidence is equal (a checkout page mentioning the cart)', () => {
    const r = shop('/x', 'Acme', 'Checkout. Your cart: 2 items');
    expect(r.stage).toBe('checkout-details');
    expect(r.confidence).toBeLessThan(0.4);
  });

  it('a longer phrase consumes its words ("proceed to checkout" on a cart page)', () => {
    expect(shop('/x', 'Acme', 'Proceed to checkout').stage).toBe('cart');
  });

  it('several phrases of one stage beat a single phrase of a later one', () => {
    expect(shop('/x', 'Acme', 'Add to cart. Size guide. In stock. Your cart is empty').stage).toBe('product');
  });

  it('the URL path outweighs ordinary text', () => {
    expect(shop('/cart', 'Acme', 'Proceed to checkout. Card number').stage).toBe('cart');
  });

  it('decisive confirmation text outweighs the URL (one-page checkout)', () => {
    const r = shop('/checkout', 'Acme', 'Thank you for your order! Your order number is 1234.');
    expect(r.stage).toBe('confirmation');
    expect(r.confidence).toBeGreaterThanOrEqual(0.85);
    expect(shop('/checkout', 'Order confirmed – Acme').stage).toBe('confirmation');
  });

  it('matches whole words only', () => {
    // "cartography" and "payments-free" are not cart/payment cues in text.
    expect(shop('/x', 'Cartography books', 'Paymentless').stage).toBeNull();
  });

  it('agreeing URL and text raise the confidence', () => {
    expect(shop('/cart', 'Your cart').confidence).toBeGreaterThan(shop('/cart', 'Acme').confidence);
  });

  it('with no evidence keeps the previous stage at low confidence, else null', () => {
    expect(suggestStage(ECOMMERCE_TEMPLATE, { url: '/x/42', title: 'Acme', previousStage: 'delivery' })).toMatchObject({
      stage: 'delivery',
      confidence: 0.2,
    });
    expect(suggestStage(ECOMMERCE_TEMPLATE, { url: '/x/42', title: 'Acme' })).toMatchObject({
      stage: null,
      confidence: 0,
    });
    expect(suggestStage(ECOMMERCE_TEMPLATE, { url: '/x/42', title: 'Acme', previousStage: 'nope' }).stage).toBeNull();
  });

  it('previous stage does not override evidence', () => {
    expect(suggestStage(ECOMMERCE_TEMPLATE, { url: '/cart', title: '', previousStage: 'payment' }).stage).toBe('cart');
  });
});

describe('suggestStage: other templates', () => {
  it('sign-up', () => {
    const s = (url: string, title = '', text?: string) => suggestStage(SIGNUP_TEMPLATE, { url, title, text }).stage;
    expect(s('/')).toBe('landing');
    expect(s('/pricing')).toBe('plans');
    expect(s('/b/register.html')).toBe('account-form');
    expect(s('/x', 'Acme', 'Check your email to continue')).toBe('verification');
    expect(s('/onboarding/step/2')).toBe('onboarding');
    expect(s('/app/orders')).toBe('first-use');
  });

  it('booking', () => {
    const s = (url: string, title = '', text?: string) => suggestStage(BOOKING_TEMPLATE, { url, title, text }).stage;
    expect(s('/hotels?checkin=2026-05-01')).toBe('search');
    expect(s('/hotel/grand-plaza')).toBe('option');
    expect(s('/booking/extras')).toBe('extras');
    expect(s('/booking/passengers')).toBe('guest-details');
    expect(s('/b/payment.html')).toBe('payment');
    expect(s('/x', 'Booking confirmed')).toBe('confirmation');
    expect(s('/my-bookings')).toBe('manage-booking');
  });

  it('support contact', () => {
    const s = (url: string, title = '', text?: string) => suggestStage(SUPPORT_TEMPLATE, { url, title, text }).stage;
    expect(s('/help')).toBe('help-search');
    expect(s('/hc/en-us/articles/123-how-to-return')).toBe('article');
    expect(s('/contact-us')).toBe('contact-options');
    expect(s('/hc/en-us/requests/new')).toBe('request');
    expect(s('/hc/en-us/requests/4567')).toBe('response');
    expect(s('/support/chat', 'Help', "Thanks! We'll get back to you within 24 hours")).toBe('response');
  });
});

describe('locale prefixes', () => {
  it('strips a real locale prefix but keeps a three-letter word such as "app"', () => {
    expect(
      suggestStage(ECOMMERCE_TEMPLATE, { url: 'https://shop.example/app/', title: 'Your account – Shop' }).stage,
    ).toBe('post-purchase');
    expect(suggestStage(ECOMMERCE_TEMPLATE, { url: 'https://shop.example/en-gb/basket', title: 'Basket' }).stage).toBe(
      'cart',
    );
    expect(suggestStage(ECOMMERCE_TEMPLATE, { url: 'https://shop.example/es_419/', title: 'Tienda' }).stage).toBe(
      'landing',
    );
  });
});

describe('index pages', () => {
  it('reads a section index page as a landing page, unless the path says more', () => {
    expect(shop('https://shop.example/b/index.html', 'Northwind').stage).toBe('landing');
    expect(shop('https://shop.example/checkout/index.html', 'Checkout').stage).toBe('checkout-details');
    expect(splitUrl('https://shop.example/b/index.html').indexPage).toBe(true);
    expect(splitUrl('https://shop.example/b/').indexPage).toBe(false);
  });
});
