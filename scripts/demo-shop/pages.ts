// The demo shop's journeys as data, for demos and end-to-end tests.
// Paths are relative to the shop origin returned by startDemoShop(). Titles are exact document.title
// strings (en dash "–", curly quotes where the page has them).

export type DemoStage =
  | 'landing'
  | 'search-browse'
  | 'product'
  | 'cart'
  | 'checkout-details'
  | 'delivery'
  | 'payment'
  | 'confirmation'
  | 'post-purchase';

/** What to do on the previous step to arrive at this one: fill fields, tick boxes, then click. */
export interface DemoVia {
  /** CSS selector -> value, for page.fill(). */
  fill?: Readonly<Record<string, string>>;
  /** Radios / checkboxes to check before the click (page.check()). */
  check?: readonly string[];
  /** The element to click (a link or submit button). */
  click: string;
}

export interface DemoJourneyPage {
  /** Path (with query) in the address bar on this step. */
  path: string;
  /** document.title on this step (for pushState steps: after the pushState). */
  title: string;
  stage: DemoStage;
  /** 'load': a normal page load. 'pushState': same document; history.pushState changes URL and title. */
  how: 'load' | 'pushState';
  /** How to get here from the previous step; absent on the first step (open it directly). */
  via?: DemoVia;
  /** Form fields on this step as METHOD.md counts them (visible input/select/textarea; required ones). */
  formFields?: { visible: number; required: number };
}

const SHOP = 'Northwind Outfitters';

export const DEMO_TITLES = {
  home: `${SHOP} – Jackets for every weather`,
  story: `Our story – ${SHOP}`,
  products: `Jackets – ${SHOP}`,
  product: `Ridge Shell Jacket – ${SHOP}`,
  cart: `Your cart – ${SHOP}`,
  checkout: `Checkout – ${SHOP}`,
  confirmation: `Order confirmed – ${SHOP}`,
  account: `Your account – ${SHOP}`,
  orders: `Your orders – ${SHOP}`,
  profile: `Your profile – ${SHOP}`,
  register: `Create your account – ${SHOP}`,
  address: `Shipping address – ${SHOP}`,
  delivery: `Delivery options – ${SHOP}`,
  payment: `Payment – ${SHOP}`,
  notFound: `Page not found – ${SHOP}`,
  paymentFrame: 'PayFrame secure card field',
  /** The literal title of /hostile.html: markup that must be shown as text, never parsed. */
  hostile: '<img src=x onerror="window.__pwned=1">',
} as const;

/** Stable selectors for tests. */
export const DEMO_SELECTORS = {
  /** product.html: a button with no handler at all (no DOM change, no navigation). */
  deadButton: '#dead-button',
  /** product.html: "Apply coupon", also inert; click it 3+ times fast for a rage click. */
  rageButton: '#rage-button',
  sizeM: '#size-M',
  sizeFinder: '#size-finder',
  addToCart: '#add-to-cart',
  mainImage: '#main-image-button',
  lightbox: '#lightbox',
  checkoutButton: '#checkout-button',
  guestCheckout: '#guest-checkout',
  checkoutForm: '#checkout-form',
  placeOrder: '#place-order',
  /** role="alert" error summary on every checkout-type form (A checkout, B register/address/delivery/payment). */
  errorSummary: '#form-errors',
  /** Checkout A: cross-origin iframe (src on the payment port); its field is #frame-card. */
  paymentFrame: 'iframe#payment-frame',
  frameCard: '#frame-card',
  hiddenCsrf: 'input[type="hidden"][name="csrf"]',
  honeypot: '#hp-website',
  orderNumber: '#order-number',
  deliveryDate: '#delivery-date',
  trackOrder: '#track-order',
  /** /app/ shell: these links use history.pushState (no page load). */
  tabOverview: '#tab-overview',
  tabOrders: '#tab-orders',
  tabProfile: '#tab-profile',
  appView: '#app-view',
} as const;

/** Valid data for the variant A checkout form (country defaults to the Netherlands). */
export const DEMO_CHECKOUT_VALID: Readonly<Record<string, string>> = {
  '#email': 'sam.jansen@example.com',
  '#tel': '+31 6 1234 5678',
  '#given-name': 'Sam',
  '#family-name': 'Jansen',
  '#address-line1': 'Keizersgracht 123',
  '#postal-code': '1015 CJ',
  '#address-level2': 'Amsterdam',
  '#cc-name': 'Sam Jansen',
  '#cc-number': '4242 4242 4242 4242',
  '#cc-exp': '12/30',
  '#cc-csc': '123',
};

/** Values that fail client-side validation (e-mail without @, card number not 16 digits). */
export const DEMO_CHECKOUT_INVALID: Readonly<Record<string, string>> = {
  ...DEMO_CHECKOUT_VALID,
  '#email': 'sam.jansen.example.com',
  '#cc-number': '4242 4242',
};

export const DEMO_B_REGISTER_VALID: Readonly<Record<string, string>> = {
  '#email': 'sam.jansen@example.com',
  '#new-password': 'Northwind2024',
  '#confirm-password': 'Northwind2024',
  '#given-name': 'Sam',
  '#family-name': 'Jansen',
  '#bday': '1990-05-17',
};

export const DEMO_B_ADDRESS_VALID: Readonly<Record<string, string>> = {
  '#given-name': 'Sam',
  '#family-name': 'Jansen',
  '#address-line1': 'Keizersgracht 123',
  '#postal-code': '1015 CJ',
  '#address-level2': 'Amsterdam',
  '#tel': '+31 6 1234 5678',
};

export const DEMO_B_PAYMENT_VALID: Readonly<Record<string, string>> = {
  '#cc-name': 'Sam Jansen',
  '#cc-number': '4242 4242 4242 4242',
  '#cc-exp': '12/30',
  '#cc-csc': '123',
};

/** Variant A: guest checkout, delivery cost visible from the start, one checkout page. */
export const DEMO_JOURNEY: readonly DemoJourneyPage[] = [
  {
    path: '/index.html',
    title: DEMO_TITLES.home,
    stage: 'landing',
    how: 'load',
    formFields: { visible: 1, required: 0 },
  },
  {
    path: '/products.html',
    title: DEMO_TITLES.products,
    stage: 'search-browse',
    how: 'load',
    via: { click: '#shop-now' },
    formFields: { visible: 5, required: 0 },
  },
  {
    path: '/product.html?id=ridge-shell',
    title: DEMO_TITLES.product,
    stage: 'product',
    how: 'load',
    via: { click: '.product-card[data-id="ridge-shell"] .card-link' },
    formFields: { visible: 8, required: 0 },
  },
  {
    path: '/cart.html',
    title: DEMO_TITLES.cart,
    stage: 'cart',
    how: 'load',
    via: { check: ['#size-M'], click: '#add-to-cart' },
    formFields: { visible: 2, required: 0 },
  },
  {
    path: '/checkout.html',
    title: DEMO_TITLES.checkout,
    stage: 'checkout-details',
    how: 'load',
    via: { click: '#checkout-button' },
    formFields: { visible: 16, required: 11 },
  },
  {
    path: '/confirmation.html',
    title: DEMO_TITLES.confirmation,
    stage: 'confirmation',
    how: 'load',
    via: { fill: DEMO_CHECKOUT_VALID, click: '#place-order' },
    formFields: { visible: 0, required: 0 },
  },
  {
    path: '/app/',
    title: DEMO_TITLES.account,
    stage: 'post-purchase',
    how: 'load',
    via: { click: '#track-order' },
    formFields: { visible: 1, required: 0 },
  },
  {
    path: '/app/orders',
    title: DEMO_TITLES.orders,
    stage: 'post-purchase',
    how: 'pushState',
    via: { click: '#tab-orders' },
    formFields: { visible: 1, required: 0 },
  },
];

/**
 * Variant B (under /b/): same look, but an account is forced before checkout (no guest option),
 * the cart shows no delivery line, and delivery (€9.95) is revealed only on the payment step.
 */
export const DEMO_JOURNEY_B: readonly DemoJourneyPage[] = [
  {
    path: '/b/index.html',
    title: DEMO_TITLES.home,
    stage: 'landing',
    how: 'load',
    formFields: { visible: 1, required: 0 },
  },
  {
    path: '/b/products.html',
    title: DEMO_TITLES.products,
    stage: 'search-browse',
    how: 'load',
    via: { click: '#shop-now' },
    formFields: { visible: 5, required: 0 },
  },
  {
    path: '/b/product.html?id=ridge-shell',
    title: DEMO_TITLES.product,
    stage: 'product',
    how: 'load',
    via: { click: '.product-card[data-id="ridge-shell"] .card-link' },
    formFields: { visible: 8, required: 0 },
  },
  {
    path: '/b/cart.html',
    title: DEMO_TITLES.cart,
    stage: 'cart',
    how: 'load',
    via: { check: ['#size-M'], click: '#add-to-cart' },
    formFields: { visible: 2, required: 0 },
  },
  {
    path: '/b/register.html',
    title: DEMO_TITLES.register,
    stage: 'checkout-details',
    how: 'load',
    via: { click: '#checkout-button' },
    formFields: { visible: 8, required: 7 },
  },
  {
    path: '/b/checkout.html',
    title: DEMO_TITLES.address,
    stage: 'checkout-details',
    how: 'load',
    via: { fill: DEMO_B_REGISTER_VALID, check: ['#terms'], click: '#register-submit' },
    formFields: { visible: 9, required: 7 },
  },
  {
    path: '/b/delivery.html',
    title: DEMO_TITLES.delivery,
    stage: 'delivery',
    how: 'load',
    via: { fill: DEMO_B_ADDRESS_VALID, click: '#address-submit' },
    formFields: { visible: 2, required: 0 },
  },
  {
    path: '/b/payment.html',
    title: DEMO_TITLES.payment,
    stage: 'payment',
    how: 'load',
    via: { click: '#delivery-submit' },
    formFields: { visible: 5, required: 4 },
  },
  {
    path: '/b/confirmation.html',
    title: DEMO_TITLES.confirmation,
    stage: 'confirmation',
    how: 'load',
    via: { fill: DEMO_B_PAYMENT_VALID, click: '#pay-submit' },
    formFields: { visible: 0, required: 0 },
  },
  {
    path: '/b/app/',
    title: DEMO_TITLES.account,
    stage: 'post-purchase',
    how: 'load',
    via: { click: '#track-order' },
    formFields: { visible: 1, required: 0 },
  },
  {
    path: '/b/app/orders',
    title: DEMO_TITLES.orders,
    stage: 'post-purchase',
    how: 'pushState',
    via: { click: '#tab-orders' },
    formFields: { visible: 1, required: 0 },
  },
];

/** Pages outside the journeys. */
export const DEMO_OTHER_PAGES: readonly { path: string; title: string; note: string }[] = [
  { path: '/story.html', title: DEMO_TITLES.story, note: 'brand story, linked from the home page (#story-link)' },
  { path: '/b/story.html', title: DEMO_TITLES.story, note: 'brand story, variant B' },
  { path: '/app/profile', title: DEMO_TITLES.profile, note: 'SPA view; reached by pushState from #tab-profile' },
  {
    path: '/hostile.html',
    title: DEMO_TITLES.hostile,
    note: 'title and text are markup-looking strings; must render as text',
  },
  {
    path: '/reviews.html',
    title: 'Ridge Shell Jacket reviews – Northwind Outfitters',
    note: 'long page (about 5 viewports) for Full page: fixed bar, lazy images, an e-mail field near the bottom',
  },
  {
    path: '/payment-frame.html',
    title: DEMO_TITLES.paymentFrame,
    note: 'served on the payment origin and embedded by /checkout.html',
  },
];
