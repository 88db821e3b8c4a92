// Journey templates (METHOD.md "Stage"): a step's place in a journey, so that audits of
// different sites line up. Templates are versioned data; users can add their own of the same
// shape. Ids are stable and never reused; a changed template gets a new version. The English
// names are the fallback of the i18n keys `nameKey`.
//
// Cues (read by stage-suggest.ts):
//  - url: path words (and a one-word fragment such as "#shipping"), matched against each path segment without its file extension and against
//    the parts of a segment split at - _ . + ("/shopping-cart" has "shopping-cart", "shopping",
//    "cart"). Special forms:
//      "/"          the site root (also "/index.html", "/en/", "/home" when listed as "home" ...)
//      "a/b"        consecutive segments; "*" stands for a segment that is not itself a cue word
//                   of the template (an id or a slug): "products/*" matches "/products/red-jacket"
//                   and "/p/123-jacket" matches "p/*", but "order/*" would not match
//                   "/order/confirmation". Stronger than a single word ("/products" is a listing)
//      "?key"       a query parameter named key ("/?q=shoes")
//  - text: phrases looked for in the page title and the optional visible-text sample, as whole
//    words, case-insensitively. A leading "!" marks a decisive phrase that outweighs the URL
//    ("thank you for your order" on a one-page checkout whose URL stays /checkout).
import type { Step } from './model.ts';

export interface StageCues {
  url: string[];
  text: string[];
}

export interface TemplateStage {
  /** Stable id stored on a step (Step.stage). */
  id: string;
  nameKey: string;
  name: string;
  cues: StageCues;
}

export interface JourneyTemplate {
  id: string;
  version: number;
  nameKey: string;
  name: string;
  /** In journey (funnel) order; later stages win ties. */
  stages: TemplateStage[];
}

const key = (s: string): string => s.replace(/[^A-Za-z0-9]+/g, '_');

const stage = (templateId: string, id: string, name: string, url: string[], text: string[]): TemplateStage => ({
  id,
  nameKey: `stage_${key(templateId)}_${key(id)}`,
  name,
  cues: { url, text },
});

const template = (id: string, version: number, name: string, stages: TemplateStage[]): JourneyTemplate => ({
  id,
  version,
  nameKey: `template_${key(id)}`,
  name,
  stages,
});

const LANDING_URL = ['/', 'index', 'default', 'home', 'homepage', 'start', 'welcome'];

/** METHOD.md's default e-commerce template. */
export const ECOMMERCE_TEMPLATE: JourneyTemplate = template('e-commerce', 1, 'E-commerce purchase', [
  stage('e-commerce', 'landing', 'Landing', LANDING_URL, ['welcome to', 'home page', 'homepage']),
  stage(
    'e-commerce',
    'search-browse',
    'Search / browse',
    [
      'search', 'products', 'shop', 'catalog', 'catalogue', 'category', 'categories', 'c/*', 'category/*',
      'collections', 'collection', 'browse', 'results', 'list', 'listing', 'plp', 'department', 'sale',
      'new-arrivals', 'womens', 'mens', 'kids', 's', '?q', '?query', '?search', '?s', '?k', '?cat',
      '?category', '?sort', '?filter', '?page',
    ],
    [
      'search results', 'results for', 'showing results', 'sort by', 'filter by', 'filters', 'refine by',
      'all products', 'shop all', 'products found', 'items found', 'no results',
    ],
  ),
  stage(
    'e-commerce',
    'product',
    'Product',
    [
      'product', 'item', 'sku', 'pdp', 'p/*', 'products/*', 'product/*', 'item/*',
      'dp/*', 'pd/*', 'gp/*', 'itm/*', 'sku/*', 'prod/*',
    ],
    [
      'add to cart', 'add to basket', 'add to bag', 'add to trolley', 'buy now', 'size guide', 'select size',
      'choose size', 'choose a size', 'in stock', 'product details', 'product description', 'customer reviews',
      'free returns',
    ],
  ),
  stage(
    'e-commerce',
    'cart',
    'Cart',
    ['cart', 'basket', 'bag', 'trolley', 'shopping-cart', 'shoppingcart', 'shopping-bag', 'minicart', 'viewcart'],
    [
      'shopping cart', 'your cart', 'your basket', 'shopping basket', 'your bag', 'shopping bag', 'your trolley',
      'proceed to checkout', 'go to checkout', 'cart total', 'basket total', 'order summary', 'subtotal',
    ],
  ),
  stage(
    'e-commerce',
    'checkout-details',
    'Checkout details',
    [
      'checkout', 'checkouts', 'check-out', 'information', 'contact', 'address', 'addresses',
      'billing', 'customer', 'guest', 'login', 'signin', 'sign-in', 'register', 'registration', 'signup',
      'account-details', 'onepage', 'identity',
    ],
    [
      'checkout', 'check out', 'guest checkout', 'checkout as guest', 'continue as guest', 'contact information',
      'your details', 'billing address', 'email address', 'create an account', 'sign in to checkout',
      'first name', 'last name', 'postcode', 'zip code',
    ],
  ),
  stage(
    'e-commerce',
    'delivery',
    'Delivery',
    ['delivery', 'shipping', 'shipment', 'shipping-method', 'delivery-method', 'fulfilment', 'fulfillment', 'collect'],
    [
      'delivery options', 'delivery method', 'shipping method', 'shipping options', 'choose delivery',
      'delivery address', 'shipping address', 'click and collect', 'standard delivery', 'express delivery',
      'next day delivery',
    ],
  ),
  stage(
    'e-commerce',
    'payment',
    'Payment',
    ['payment', 'payments', 'pay', 'billing-payment', 'card', 'wallet', 'review-and-pay', 'place-order', 'placeorder'],
    [
      'payment', 'payment method', 'pay now', 'card number', 'credit card', 'debit card', 'expiry date',
      'security code', 'cvv', 'cvc', 'place order', 'complete order', 'pay securely', 'paypal', 'apple pay',
      'google pay',
    ],
  ),
  stage(
    'e-commerce',
    'confirmation',
    'Confirmation',
    [
      'confirmation', 'confirm', 'confirmed', 'order-confirmation', 'orderconfirmation', 'success', 'thank-you',
      'thankyou', 'thanks', 'thank_you', 'complete', 'completed', 'receipt', 'order-received', 'ordercomplete',
    ],
    [
      '!thank you for your order', '!order confirmed', '!order has been placed', '!order is confirmed',
      '!thanks for your order', '!order received', '!thank you for your purchase', 'order number',
      'confirmation email', 'we have received your order',
    ],
  ),
  stage(
    'e-commerce',
    'post-purchase',
    'Post-purchase',
    [
      'orders', 'order-history', 'orderhistory', 'my-orders', 'account', 'my-account', 'track', 'tracking',
      'track-order', 'returns', 'return', 'refund', 'refunds', 'invoice', 'invoices', 'order-status',
      'order/*', 'orders/*',
    ],
    [
      'my orders', 'order history', 'your orders', 'track your order', 'track order', 'order status',
      'start a return', 'return an item', 'returns and refunds', 'your account', 'my account',
    ],
  ),
]);

export const SIGNUP_TEMPLATE: JourneyTemplate = template('sign-up', 1, 'Sign-up', [
  stage('sign-up', 'landing', 'Landing', LANDING_URL, ['welcome to', 'get started', 'start free trial', 'try it free']),
  stage(
    'sign-up',
    'plans',
    'Plans and pricing',
    ['pricing', 'plans', 'plan', 'prices', 'compare', 'subscribe', 'subscription', 'membership'],
    ['choose your plan', 'choose a plan', 'pricing', 'per month', 'compare plans', 'billed annually', 'free trial'],
  ),
  stage(
    'sign-up',
    'account-form',
    'Account form',
    ['signup', 'sign-up', 'register', 'registration', 'join', 'create-account', 'createaccount', 'new-account', 'enrol', 'enroll'],
    [
      'create account', 'create an account', 'create your account', 'sign up', 'register', 'join now',
      'choose a password', 'confirm password', 'already have an account', 'first name', 'email address',
    ],
  ),
  stage(
    'sign-up',
    'verification',
    'Verification',
    ['verify', 'verification', 'verify-email', 'confirm', 'confirm-email', 'activate', 'activation', 'otp', 'code', 'mfa', '2fa'],
    [
      '!check your email', '!check your inbox', 'verify your email', 'verification code', 'enter the code',
      'we sent a code', 'confirm your email', 'resend code', 'resend email',
    ],
  ),
  stage(
    'sign-up',
    'onboarding',
    'Onboarding',
    ['onboarding', 'setup', 'set-up', 'getting-started', 'get-started', 'profile', 'preferences', 'tour', 'step/*', 'steps'],
    [
      'set up your', 'tell us about yourself', 'complete your profile', 'your preferences', 'personalise',
      'personalize', 'skip for now', "let's get started", 'welcome aboard',
    ],
  ),
  stage(
    'sign-up',
    'first-use',
    'First use',
    ['dashboard', 'app', 'home-feed', 'feed', 'workspace', 'overview', 'inbox', 'my', 'account'],
    ['dashboard', 'your account', 'my account', 'overview', 'recent activity', 'log out', 'sign out'],
  ),
]);

export const BOOKING_TEMPLATE: JourneyTemplate = template('booking', 1, 'Booking', [
  stage('booking', 'landing', 'Landing', LANDING_URL, ['welcome to', 'book now', 'where to']),
  stage(
    'booking',
    'search',
    'Search and availability',
    [
      'search', 'availability', 'results', 'find', 'hotels', 'flights', 'rooms', 'trains', 'tickets', 'events',
      'tables', 'slots', 'calendar', 'dates', '?checkin', '?check_in', '?date', '?from', '?q', '?destination',
    ],
    [
      'search results', 'available dates', 'check availability', 'choose your dates', 'select dates', 'properties found',
      'flights found', 'results for', 'sort by', 'filter by',
    ],
  ),
  stage(
    'booking',
    'option',
    'Choose an option',
    [
      'hotel', 'room', 'rooms/*', 'hotel/*', 'property', 'property/*', 'flight', 'fare', 'fares', 'seat', 'seats',
      'select', 'offer', 'offers/*', 'event/*', 'slot', 'time', 'details',
    ],
    [
      'choose your room', 'select room', 'room type', 'select your fare', 'choose your fare', 'select seats',
      'choose a time', 'choose your seat', 'reserve', 'select this', 'what is included',
    ],
  ),
  stage(
    'booking',
    'extras',
    'Extras',
    ['extras', 'add-ons', 'addons', 'upgrade', 'upgrades', 'insurance', 'baggage', 'luggage', 'ancillaries', 'options'],
    [
      'add extras', 'extras', 'travel insurance', 'add luggage', 'add baggage', 'upgrade your', 'breakfast included',
      'add-ons', 'no thanks',
    ],
  ),
  stage(
    'booking',
    'guest-details',
    'Guest details',
    [
      'guest', 'guests', 'passenger', 'passengers', 'traveller', 'travellers', 'traveler', 'travelers', 'contact',
      'information', 'personal-details', 'your-details', 'register', 'login', 'checkout', 'book',
    ],
    [
      'guest details', 'passenger details', 'traveller details', 'your details', 'lead guest', 'who is travelling',
      'contact details', 'first name', 'last name', 'date of birth', 'special requests',
    ],
  ),
  stage(
    'booking',
    'payment',
    'Payment',
    ['payment', 'payments', 'pay', 'card', 'billing', 'secure-payment', 'purchase'],
    [
      'payment', 'payment method', 'pay now', 'card number', 'expiry date', 'security code', 'cvv', 'book and pay',
      'complete booking', 'total to pay',
    ],
  ),
  stage(
    'booking',
    'confirmation',
    'Confirmation',
    ['confirmation', 'confirmed', 'confirm', 'success', 'thank-you', 'thankyou', 'thanks', 'complete', 'receipt', 'booked'],
    [
      '!booking confirmed', '!your booking is confirmed', '!thank you for your booking', '!reservation confirmed',
      '!you are booked', 'booking reference', 'confirmation number', 'booking number', 'see you soon',
    ],
  ),
  stage(
    'booking',
    'manage-booking',
    'Manage booking',
    ['manage', 'manage-booking', 'my-bookings', 'bookings', 'trips', 'my-trips', 'reservations', 'itinerary', 'account', 'cancel', 'change'],
    [
      'manage booking', 'manage your booking', 'my bookings', 'my trips', 'upcoming trips', 'cancel booking',
      'change booking', 'your reservations', 'check in online',
    ],
  ),
]);

export const SUPPORT_TEMPLATE: JourneyTemplate = template('support-contact', 1, 'Support contact', [
  stage('support-contact', 'landing', 'Landing', LANDING_URL, ['welcome to', 'home page']),
  stage(
    'support-contact',
    'help-search',
    'Help centre',
    [
      'help', 'support', 'faq', 'faqs', 'help-center', 'help-centre', 'helpcenter', 'knowledge-base', 'kb', 'hc',
      'customer-service', 'customer-care', 'search', '?q', '?query',
    ],
    [
      'how can we help', 'help centre', 'help center', 'frequently asked questions', 'search for answers',
      'popular topics', 'browse topics', 'customer service', 'search results',
    ],
  ),
  stage(
    'support-contact',
    'article',
    'Help article',
    ['article', 'articles/*', 'article/*', 'answer', 'answers/*', 'topic', 'topics/*', 'how-to', 'guide', 'guides/*', 'faq/*'],
    ['was this article helpful', 'was this helpful', 'related articles', 'still need help', 'did this answer your question'],
  ),
  stage(
    'support-contact',
    'contact-options',
    'Contact options',
    ['contact', 'contact-us', 'contactus', 'get-in-touch', 'reach-us', 'call-us', 'phone', 'contact-options'],
    ['contact us', 'get in touch', 'call us', 'opening hours', 'ways to contact', 'talk to us', 'speak to an agent'],
  ),
  stage(
    'support-contact',
    'request',
    'Request: form, chat or call',
    ['ticket', 'tickets/new', 'new-ticket', 'request', 'requests/new', 'submit', 'form', 'chat', 'live-chat', 'message', 'email-us', 'callback', 'call-back'],
    [
      'submit a request', 'describe your issue', 'how can we help you today', 'start chat', 'live chat',
      'chat with us', 'send message', 'request a call back', 'request a callback', 'attach a file', 'subject',
    ],
  ),
  stage(
    'support-contact',
    'response',
    'Confirmation and response',
    ['thank-you', 'thankyou', 'thanks', 'submitted', 'received', 'confirmation', 'success', 'sent', 'tickets/*', 'requests/*', 'case/*', 'cases/*'],
    [
      '!request received', '!we have received your request', '!your request has been submitted', '!message sent',
      "!we'll get back to you", '!we will get back to you', 'ticket number', 'case number', 'reference number',
      'an agent will', 'typically replies',
    ],
  ),
]);

export const TEMPLATES: readonly JourneyTemplate[] = [ECOMMERCE_TEMPLATE, SIGNUP_TEMPLATE, BOOKING_TEMPLATE, SUPPORT_TEMPLATE];

export const DEFAULT_TEMPLATE_ID = ECOMMERCE_TEMPLATE.id;

/** A built-in template by id (and version, when given); undefined when unknown. */
export function getTemplate(id: string, version?: number): JourneyTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id && (version === undefined || t.version === version));
}

/** The stage of `template` with this id, if any. */
export function templateStage(template: JourneyTemplate, stageId: Step['stage']): TemplateStage | undefined {
  return stageId === null ? undefined : template.stages.find((s) => s.id === stageId);
}
