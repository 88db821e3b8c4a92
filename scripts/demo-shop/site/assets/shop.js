// Northwind Outfitters demo shop: all page behaviour in one small vanilla script.
// Pages say who they are with <body data-page="..." data-variant="a|b" data-base="">.
// Deliberately inert elements: #dead-button and #rage-button get no handler at all.
(() => {
  'use strict';

  const CATALOGUE = [
    { id: 'ridge-shell', name: 'Ridge Shell Jacket', price: 189, category: 'shell', rating: 4.5, reviews: 128, colour: 'Navy', tagline: 'A three-layer storm shell for ridgelines and rainy commutes.' },
    { id: 'fjord-rain', name: 'Fjord Rain Jacket', price: 129, category: 'rain', rating: 4.3, reviews: 86, colour: 'Sunflower', tagline: 'The classic fisherman’s rain jacket, now in recycled nylon.' },
    { id: 'summit-down', name: 'Summit Down Jacket', price: 249, category: 'insulated', rating: 4.7, reviews: 212, colour: 'Signal red', tagline: 'Responsibly sourced 800-fill down for the coldest mornings.' },
    { id: 'trail-softshell', name: 'Trail Softshell', price: 149, category: 'softshell', rating: 4.2, reviews: 54, colour: 'Forest', tagline: 'Stretchy, breathable and windproof for fast days on the trail.' },
    { id: 'harbour-wax', name: 'Harbour Wax Jacket', price: 219, category: 'rain', rating: 4.6, reviews: 73, colour: 'Olive', tagline: 'Waxed organic cotton that gets better every winter.' },
    { id: 'coast-windbreaker', name: 'Coast Windbreaker', price: 89, category: 'shell', rating: 4.0, reviews: 41, colour: 'Teal', tagline: 'Packs into its own pocket; weighs less than an apple.' },
    { id: 'glacier-parka', name: 'Glacier Parka', price: 299, category: 'insulated', rating: 4.8, reviews: 167, colour: 'Slate', tagline: 'A long, warm parka for city winters and polar holidays.' },
    { id: 'puddle-kids', name: 'Kids’ Puddle Jacket', price: 59, category: 'kids', rating: 4.4, reviews: 98, colour: 'Orange', tagline: 'Built for jumping in puddles; reflective trims for dark school runs.' },
  ];
  const DEFAULT_CART = [{ id: 'ridge-shell', size: 'M', qty: 1 }];
  // Variant A shows €4.95 from the start; variant B reveals €9.95 only at payment.
  const DELIVERY = { a: { standard: 4.95, express: 9.95 }, b: { standard: 9.95, express: 14.95 } };
  const VIEWS = ['front', 'back', 'detail', 'in-use'];
  const VIEW_ALT = ['front view', 'back view', 'close-up of the zip and fabric', 'worn on a mountain trail (model 182 cm, size M)'];
  const SHOP = 'Northwind Outfitters';

  const body = document.body;
  const page = body.dataset.page || '';
  const variant = body.dataset.variant === 'b' ? 'b' : 'a';
  const base = body.dataset.base || '';
  const params = new URLSearchParams(location.search);

  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
  const eur = (n) => '€' + n.toFixed(2);
  const product = (id) => CATALOGUE.find((p) => p.id === id);
  const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const setText = (sel, text) => $$(sel).forEach((el) => { if (el.textContent !== text) el.textContent = text; });

  // ---------- storage (tolerant: private mode or disabled storage must not break the shop) ----------
  function read(store, key, fallback) {
    try { const raw = store.getItem(key); return raw == null ? fallback : JSON.parse(raw); } catch { return fallback; }
  }
  function write(store, key, value) {
    try { store.setItem(key, JSON.stringify(value)); } catch { /* ignore */ }
  }
  if (params.has('reset')) {
    try { localStorage.removeItem('nw-cart'); sessionStorage.clear(); } catch { /* ignore */ }
  }
  const getCart = () => {
    const c = read(localStorage, 'nw-cart', null);
    return Array.isArray(c) ? c.filter((l) => product(l.id)) : DEFAULT_CART.map((l) => ({ ...l }));
  };
  const setCart = (c) => write(localStorage, 'nw-cart', c);
  // Checkout pages fall back to the demo item so the journey never breaks on an emptied cart.
  const checkoutCart = () => { const c = getCart(); return c.length ? c : DEFAULT_CART.map((l) => ({ ...l })); };

  function totals(cart, deliveryCost) {
    const subtotal = cart.reduce((s, l) => s + product(l.id).price * l.qty, 0);
    const total = subtotal + (deliveryCost || 0);
    return { subtotal, total, vat: (total * 21) / 121 };
  }

  function workingDaysFromNow(n) {
    const d = new Date();
    let left = n;
    while (left > 0) {
      d.setDate(d.getDate() + 1);
      if (d.getDay() !== 0 && d.getDay() !== 6) left -= 1;
    }
    return d;
  }
  const longDate = (d) => d.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long' });
  const shortDate = (d) => d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });

  function updateCartCount() {
    const n = getCart().reduce((s, l) => s + l.qty, 0);
    setText('[data-cart-count]', String(n));
  }

  // ---------- summaries (cart, checkout, payment) ----------
  function renderSummaryItems() {
    const list = $('[data-summary-items]');
    if (!list) return;
    list.innerHTML = checkoutCart().map((l) => {
      const p = product(l.id);
      return `<li><img src="/img/products/${p.id}-front.svg" alt="" width="56" height="56"><span><strong>${escapeHtml(p.name)}</strong><br><small>${escapeHtml(p.colour)} · Size ${escapeHtml(l.size)} · Qty ${l.qty}</small></span><span>${eur(p.price * l.qty)}</span></li>`;
    }).join('');
  }
  function renderTotals(cart, deliveryCost) {
    const t = totals(cart, deliveryCost);
    setText('[data-subtotal]', eur(t.subtotal));
    if (deliveryCost != null) setText('[data-delivery-cost]', eur(deliveryCost));
    setText('[data-total]', eur(t.total));
    setText('[data-vat]', eur(t.vat));
    return t;
  }

  // ---------- products: search, filter, sort ----------
  function initProducts() {
    const grid = $('#product-grid');
    const search = $('#search');
    const cat = $('#filter-category');
    const max = $('#filter-price');
    const sort = $('#sort');
    const form = $('#filters');
    if (!grid || !search || !cat || !max || !sort || !form) return;
    const cards = $$('.product-card', grid);
    cards.forEach((c, i) => { c.dataset.order = String(i); });
    search.value = params.get('q') || '';
    if (params.get('cat')) cat.value = params.get('cat');
    if (params.get('max')) max.value = params.get('max');
    if (params.get('sort')) sort.value = params.get('sort');

    const apply = () => {
      const q = search.value.trim().toLowerCase();
      const limit = Number(max.value) || Infinity;
      let shown = 0;
      for (const c of cards) {
        const p = product(c.dataset.id);
        const text = `${p.name} ${p.category} ${p.tagline} ${p.colour}`.toLowerCase();
        const ok = (!q || q.split(/\s+/).every((w) => text.includes(w))) && (!cat.value || p.category === cat.value) && p.price < limit;
        c.hidden = !ok;
        if (ok) shown += 1;
      }
      const key = {
        featured: (c) => Number(c.dataset.order),
        'price-asc': (c) => Number(c.dataset.price),
        'price-desc': (c) => -Number(c.dataset.price),
        rating: (c) => -Number(c.dataset.rating),
      }[sort.value] || ((c) => Number(c.dataset.order));
      const sorted = [...cards].sort((x, y) => key(x) - key(y));
      if (sorted.some((c, i) => grid.children[i] !== c)) sorted.forEach((c) => grid.appendChild(c));
      setText('#result-count', `${shown} ${shown === 1 ? 'jacket' : 'jackets'}${q ? ` for “${search.value.trim()}”` : ''}`);
      const empty = $('#no-results');
      if (empty) empty.hidden = shown > 0;
      if (q) setText('h1', 'Search results');
    };
    form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
    search.addEventListener('input', apply);
    [cat, max, sort].forEach((el) => el.addEventListener('change', apply));
    apply();
  }

  // ---------- product page ----------
  function initProduct() {
    const p = product(params.get('id') || 'ridge-shell') || product('ridge-shell');
    let current = 0;
    const mainImg = $('#main-image');
    const thumbs = $$('.thumb');
    const lightbox = $('#lightbox');
    const lightImg = $('#lightbox-image');
    const src = (i) => `/img/products/${p.id}-${VIEWS[i]}.svg`;

    if (p.id !== 'ridge-shell') {
      document.title = `${p.name} – ${SHOP}`;
      setText('[data-product-name]', p.name);
      setText('[data-product-tagline]', p.tagline);
      setText('[data-product-colour]', p.colour);
      setText('#product-price', eur(p.price));
      setText('[data-review-count]', String(p.reviews));
      thumbs.forEach((t, i) => { const img = $('img', t); if (img) img.src = src(i); });
    }

    const show = (i) => {
      current = (i + VIEWS.length) % VIEWS.length;
      if (mainImg) { mainImg.src = src(current); mainImg.alt = `${p.name}, ${VIEW_ALT[current]}`; }
      thumbs.forEach((t, j) => { t.classList.toggle('selected', j === current); t.setAttribute('aria-pressed', String(j === current)); });
      if (lightImg) { lightImg.src = src(current); lightImg.alt = `${p.name}, ${VIEW_ALT[current]}`; }
      setText('#lightbox-caption', `${current + 1} of ${VIEWS.length}`);
    };
    if (p.id !== 'ridge-shell') show(0);
    thumbs.forEach((t, i) => t.addEventListener('click', () => show(i)));
    $('#main-image-button')?.addEventListener('click', () => { show(current); lightbox?.showModal(); });
    $('#lightbox-prev')?.addEventListener('click', () => show(current - 1));
    $('#lightbox-next')?.addEventListener('click', () => show(current + 1));
    $('#lightbox-close')?.addEventListener('click', () => lightbox?.close());
    lightbox?.addEventListener('click', (e) => { if (e.target === lightbox) lightbox.close(); });

    // Size finder: a small tool that answers "which size am I?"
    const finder = $('#size-finder-dialog');
    $('#size-finder')?.addEventListener('click', () => finder?.showModal());
    $('#size-finder-calc')?.addEventListener('click', () => {
      const chest = Number($('#sf-chest')?.value) || 0;
      const height = Number($('#sf-height')?.value) || 0;
      const bands = [[86, 'XS'], [92, 'S'], [100, 'M'], [108, 'L'], [116, 'XL']];
      let size = 'XXL';
      for (const [limit, s] of bands) { if (chest <= limit) { size = s; break; } }
      if (height > 190 && size !== 'XXL') size = ['XS', 'S', 'M', 'L', 'XL', 'XXL'][['XS', 'S', 'M', 'L', 'XL'].indexOf(size) + 1];
      setText('#size-result', `We recommend size ${size}.`);
      const radio = $(`#size-${size}`);
      if (radio && !radio.disabled) radio.checked = true;
    });

    const sizeError = $('#size-error');
    const group = $('#size-group');
    $$('input[name="size"]').forEach((r) => r.addEventListener('change', () => {
      if (sizeError) sizeError.textContent = '';
      group?.removeAttribute('aria-invalid');
    }));
    $('#add-to-cart')?.addEventListener('click', (e) => {
      const chosen = $('input[name="size"]:checked');
      if (!chosen) {
        if (sizeError) sizeError.textContent = 'Please choose a size first.';
        group?.setAttribute('aria-invalid', 'true');
        $('input[name="size"]')?.focus();
        return;
      }
      const cart = read(localStorage, 'nw-cart', null);
      const next = Array.isArray(cart) ? cart.filter((l) => product(l.id)) : [];
      if (!next.some((l) => l.id === p.id && l.size === chosen.value)) next.push({ id: p.id, size: chosen.value, qty: 1 });
      setCart(next);
      location.assign(e.currentTarget.dataset.next || `${base}/cart.html`);
    });
  }

  // ---------- cart ----------
  function initCart() {
    const list = $('#cart-lines');
    if (!list) return;
    const render = () => {
      const cart = getCart();
      const empty = cart.length === 0;
      list.hidden = empty;
      const emptyNote = $('#cart-empty');
      if (emptyNote) emptyNote.hidden = !empty;
      const checkout = $('#checkout-button');
      if (checkout) checkout.toggleAttribute('aria-disabled', empty);
      list.innerHTML = cart.map((l, i) => {
        const p = product(l.id);
        const opts = [1, 2, 3, 4, 5].map((n) => `<option${n === l.qty ? ' selected' : ''}>${n}</option>`).join('');
        return `<li class="cart-line" data-id="${p.id}" data-size="${escapeHtml(l.size)}">
              <img src="/img/products/${p.id}-front.svg" alt="${escapeHtml(p.name)} in ${escapeHtml(p.colour.toLowerCase())}" width="120" height="120">
              <div class="cart-line-info">
                <h2><a href="${base}/product.html?id=${p.id}">${escapeHtml(p.name)}</a></h2>
                <p>Colour: ${escapeHtml(p.colour)} · Size: ${escapeHtml(l.size)}</p>
                <p class="in-stock">In stock</p>
                <label for="qty-${i + 1}">Quantity</label>
                <select id="qty-${i + 1}" class="qty" data-index="${i}">${opts}</select>
                <button type="button" class="btn-link remove" data-index="${i}">Remove</button>
              </div>
              <p class="line-price">${eur(p.price * l.qty)}</p>
            </li>`;
      }).join('');
      $$('.qty', list).forEach((s) => s.addEventListener('change', () => {
        const c = getCart(); const line = c[Number(s.dataset.index)];
        if (line) { line.qty = Number(s.value); setCart(c); render(); }
      }));
      $$('.remove', list).forEach((b) => b.addEventListener('click', () => {
        const c = getCart(); c.splice(Number(b.dataset.index), 1); setCart(c); render();
      }));
      renderTotals(cart, variant === 'a' && !empty ? DELIVERY.a.standard : variant === 'a' ? 0 : null);
      updateCartCount();
    };
    render();
  }

  // ---------- form validation (checkout, register, address, delivery, payment) ----------
  function labelOf(el) {
    if (el.dataset.label) return el.dataset.label;
    const l = (el.id && $(`label[for="${el.id}"]`)) || el.closest('label');
    const text = (l ? l.childNodes[0]?.textContent || l.textContent : el.name) || 'this field';
    return text.trim().replace(/\s*\(optional\)$/, '');
  }
  function problem(el) {
    if (el.disabled || el.closest('fieldset:disabled')) return '';
    const v = (el.value || '').trim();
    const rule = el.dataset.rule || '';
    if (el.type === 'checkbox') return el.required && !el.checked ? `Accept ${labelOf(el)} to continue` : '';
    if (!v) return el.required ? (el.tagName === 'SELECT' ? `Choose your ${labelOf(el).toLowerCase()}` : `Enter your ${labelOf(el).toLowerCase()}`) : '';
    if (rule === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return 'Enter an e-mail address like name@example.com';
    if (rule === 'card' && !/^\d{16}$/.test(v.replace(/[\s-]/g, ''))) return 'Card number must be 16 digits';
    if (rule === 'exp') {
      const m = /^(\d{2})\s*\/\s*(\d{2})$/.exec(v);
      if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) return 'Enter the expiry date as MM/YY';
      const now = new Date();
      const yy = now.getFullYear() % 100;
      if (Number(m[2]) < yy || (Number(m[2]) === yy && Number(m[1]) < now.getMonth() + 1)) return 'This card has expired';
    }
    if (rule === 'csc' && !/^\d{3,4}$/.test(v)) return 'Security code is 3 or 4 digits';
    if (rule === 'postal' && !/^[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/.test(v)) return 'Enter a valid postcode, e.g. 1012 AB';
    if (rule === 'tel' && v.replace(/\D/g, '').length < 8) return 'Enter a phone number with at least 8 digits';
    if (rule === 'password' && (v.length < 8 || !/\d/.test(v) || !/[A-Z]/.test(v))) return 'Use at least 8 characters, with a number and a capital letter';
    if (rule.startsWith('match:')) {
      const other = document.getElementById(rule.slice(6));
      if (other && other.value !== el.value) return 'The passwords don’t match';
    }
    return '';
  }
  function showFieldError(el, msg) {
    const errId = `${el.id}-error`;
    let err = document.getElementById(errId);
    if (!err) {
      err = document.createElement('p');
      err.className = 'field-error';
      err.id = errId;
      (el.closest('.field') || el.parentElement).appendChild(err);
    }
    const described = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter((x) => x && x !== errId);
    if (msg) {
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-describedby', [...described, errId].join(' '));
      err.textContent = msg;
    } else {
      el.removeAttribute('aria-invalid');
      if (described.length) el.setAttribute('aria-describedby', described.join(' ')); else el.removeAttribute('aria-describedby');
      err.textContent = '';
    }
  }
  function initValidation(form, onValid) {
    const fields = () => $$('input, select, textarea', form).filter((el) => el.type !== 'hidden' && el.type !== 'radio' && !el.classList.contains('hp') && el.id);
    const summary = $('#form-errors', form);
    fields().forEach((el) => {
      // Inline validation: once a field has been left (or flagged), explain how to fix it.
      el.addEventListener('blur', () => { if (el.value.trim() || el.getAttribute('aria-invalid') === 'true') showFieldError(el, problem(el)); });
      el.addEventListener('input', () => { if (el.getAttribute('aria-invalid') === 'true' && !problem(el)) showFieldError(el, ''); });
      el.addEventListener('change', () => { if (el.getAttribute('aria-invalid') === 'true') showFieldError(el, problem(el)); });
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const bad = [];
      for (const el of fields()) {
        const msg = problem(el);
        showFieldError(el, msg);
        if (msg) bad.push([el, msg]);
      }
      if (bad.length) {
        if (summary) {
          summary.innerHTML = `<p><strong>Please correct ${bad.length === 1 ? 'this field' : `these ${bad.length} fields`} to continue:</strong></p><ul>${bad.map(([el, msg]) => `<li><a href="#${el.id}">${escapeHtml(labelOf(el))}: ${escapeHtml(msg)}</a></li>`).join('')}</ul>`;
          summary.focus();
        } else {
          bad[0][0].focus();
        }
        return;
      }
      if (summary) summary.textContent = '';
      onValid(form);
      location.assign(form.dataset.next);
    });
  }
  const fieldValue = (id) => (document.getElementById(id)?.value || '').trim();
  function makeOrder(deliveryKey) {
    const d = read(sessionStorage, 'nw-details', {});
    const cart = checkoutCart();
    const cost = DELIVERY[variant][deliveryKey] ?? DELIVERY[variant].standard;
    const t = totals(cart, cost);
    const order = {
      number: 'NW-' + String(100000 + Math.floor(Math.random() * 900000)),
      given: d.given || fieldValue('given-name'),
      email: d.email || fieldValue('email'),
      delivery: deliveryKey,
      deliveryCost: cost,
      subtotal: t.subtotal,
      total: t.total,
      deliveryDate: workingDaysFromNow(deliveryKey === 'express' ? 1 : variant === 'a' ? 3 : 5).toISOString(),
      items: cart,
      placed: new Date().toISOString(),
    };
    write(sessionStorage, 'nw-order', order);
    const history = read(localStorage, 'nw-orders', []);
    write(localStorage, 'nw-orders', [order, ...(Array.isArray(history) ? history : [])].slice(0, 5));
  }

  function paymentOrigin() {
    const pay = params.get('pay');
    if (pay && /^\d{2,5}$/.test(pay)) return `${location.protocol}//${location.hostname}:${pay}`;
    const cfg = window.NW_CONFIG;
    if (cfg && typeof cfg.paymentOrigin === 'string') return cfg.paymentOrigin;
    return location.origin; // no server config: same origin, still works
  }

  function initCheckoutA() {
    const form = $('#checkout-form');
    if (!form) return;
    renderSummaryItems();
    const cart = checkoutCart();
    const deliveryKey = () => ($('input[name="delivery"]:checked')?.value || 'standard');
    const update = () => {
      const key = deliveryKey();
      renderTotals(cart, DELIVERY.a[key]);
      setText('[data-delivery-label]', key === 'express' ? '(express, next working day)' : '(standard, 2–3 working days)');
    };
    $$('[data-delivery-date]').forEach((el) => { el.textContent = `arrives ${shortDate(workingDaysFromNow(Number(el.dataset.deliveryDate)))}`; });
    $$('input[name="delivery"]').forEach((r) => r.addEventListener('change', update));
    update();

    const cardFields = $('#card-fields');
    const syncMethod = () => { if (cardFields) cardFields.disabled = $('#pay-wallet')?.checked === true; };
    $$('input[name="payment-method"]').forEach((r) => r.addEventListener('change', syncMethod));
    syncMethod();

    const frame = $('#payment-frame');
    const origin = paymentOrigin();
    if (frame) frame.src = origin + (frame.dataset.path || '/payment-frame.html');
    window.addEventListener('message', (e) => {
      if (e.origin !== origin || !e.data || e.data.type !== 'payframe') return;
      const status = $('#wallet-status');
      if (e.data.status === 'ok') {
        const wallet = $('#pay-wallet');
        if (wallet) { wallet.checked = true; syncMethod(); }
        if (status) status.textContent = `PayFrame card ending in ${String(e.data.last4 || '').replace(/\D/g, '')} will be charged.`;
      }
    });

    initValidation(form, () => {
      write(sessionStorage, 'nw-details', { given: fieldValue('given-name'), email: fieldValue('email') });
      makeOrder(deliveryKey());
    });
  }

  // Variant B: account, address, delivery and payment are separate pages.
  function initStepForm(onValid) {
    const form = $('form[data-validate]');
    if (!form) return;
    renderSummaryItems();
    initValidation(form, onValid);
  }
  function initRegister() {
    renderTotals(checkoutCart(), null);
    initStepForm(() => write(sessionStorage, 'nw-details', { given: fieldValue('given-name'), email: fieldValue('email') }));
  }
  function initAddress() {
    renderTotals(checkoutCart(), null);
    const d = read(sessionStorage, 'nw-details', {});
    initStepForm(() => write(sessionStorage, 'nw-details', { ...d, given: fieldValue('given-name') || d.given }));
  }
  function initDelivery() {
    renderTotals(checkoutCart(), null);
    initStepForm(() => write(sessionStorage, 'nw-delivery', $('input[name="delivery"]:checked')?.value || 'standard'));
  }
  function initPayment() {
    const key = read(sessionStorage, 'nw-delivery', 'standard') === 'express' ? 'express' : 'standard';
    renderTotals(checkoutCart(), DELIVERY.b[key]);
    setText('#delivery-reveal', eur(DELIVERY.b[key]));
    setText('[data-delivery-label]', `(${key})`);
    initStepForm(() => makeOrder(key));
  }

  // ---------- confirmation ----------
  function initConfirmation() {
    const o = read(sessionStorage, 'nw-order', null);
    const date = o && o.deliveryDate ? new Date(o.deliveryDate) : workingDaysFromNow(variant === 'a' ? 3 : 5);
    setText('#delivery-date', longDate(date));
    if (o) {
      setText('#order-number', o.number);
      if (o.given) setText('[data-customer-name]', `, ${o.given}`);
      if (o.email) setText('#confirm-email', o.email);
      setText('[data-subtotal]', eur(o.subtotal));
      setText('[data-delivery-cost]', eur(o.deliveryCost));
      setText('[data-total]', eur(o.total));
    }
    $$('[data-feedback]').forEach((b) => b.addEventListener('click', () => {
      $$('[data-feedback]').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
      setText('#feedback-thanks', `Thanks! You rated your checkout ${b.dataset.feedback} out of 5.`);
    }));
  }

  // ---------- account: a single-page app under /app/* (history.pushState, no reloads) ----------
  function initApp() {
    const view = $('#app-view');
    if (!view) return;
    const root = `${base}/app`;
    const demoOrder = { number: 'NW-104286', given: 'Sam', email: 'sam.jansen@example.com', subtotal: 189, deliveryCost: DELIVERY[variant].standard, total: 189 + DELIVERY[variant].standard, deliveryDate: workingDaysFromNow(3).toISOString(), items: DEFAULT_CART, placed: new Date().toISOString() };
    const orders = () => { const h = read(localStorage, 'nw-orders', []); return Array.isArray(h) && h.length ? h : [demoOrder]; };
    const route = () => location.pathname.slice(root.length).replace(/^\/+|\/+$/g, '').split('/')[0] || '';

    const orderCard = (o, detailed) => {
      const first = (o.items && o.items[0]) || DEFAULT_CART[0];
      const p = product(first.id) || product('ridge-shell');
      const steps = ['Ordered', 'Packed', 'Shipped', 'Delivered'];
      return `<article class="card-box">
          <div class="order-row">
            <img src="/img/products/${p.id}-front.svg" alt="" width="72" height="72">
            <div><h2>${escapeHtml(o.number)}</h2><p>${escapeHtml(p.name)} · Size ${escapeHtml(first.size)} · ${eur(o.total)}</p><p>Expected <strong>${escapeHtml(longDate(new Date(o.deliveryDate)))}</strong></p></div>
            <span class="status packing">Being packed</span>
          </div>
          ${detailed ? `<ol class="tracking">${steps.map((s, i) => `<li class="${i === 0 ? 'done' : ''}">${s}</li>`).join('')}</ol>` : ''}
        </article>`;
    };
    const views = {
      '': () => ({
        title: `Your account – ${SHOP}`,
        html: `<h1 tabindex="-1">Hello ${escapeHtml(orders()[0].given || 'there')}</h1>
        <p class="lede">Track your orders and manage your details.</p>
        <h2>Latest order</h2>
        ${orderCard(orders()[0], false)}
        <p><a href="${root}/orders" data-route="orders" id="see-orders">See all orders and tracking →</a></p>`,
      }),
      orders: () => ({
        title: `Your orders – ${SHOP}`,
        html: `<h1 tabindex="-1">Your orders</h1>
        ${orders().map((o) => orderCard(o, true)).join('')}
        <article class="card-box">
          <div class="order-row">
            <img src="/img/products/fjord-rain-front.svg" alt="" width="72" height="72">
            <div><h2>NW-098311</h2><p>Fjord Rain Jacket · Size S · €133.95</p><p>Delivered 12 March</p></div>
            <span class="status">Delivered</span>
          </div>
        </article>`,
      }),
      profile: () => {
        const o = orders()[0];
        return {
          title: `Your profile – ${SHOP}`,
          html: `<h1 tabindex="-1">Your profile</h1>
          <div class="card-box"><dl class="profile-list">
            <dt>Name</dt><dd>${escapeHtml(o.given || 'Sam')} Jansen</dd>
            <dt>E-mail</dt><dd>${escapeHtml(o.email || 'sam.jansen@example.com')}</dd>
            <dt>Newsletter</dt><dd>Not subscribed</dd>
            <dt>Repairs</dt><dd>Every Northwind jacket is repaired for free, for life.</dd>
          </dl></div>`,
        };
      },
    };
    const notFound = () => ({ title: `Page not found – ${SHOP}`, html: `<h1 tabindex="-1">Page not found</h1><p><a href="${root}/" data-route="">Back to your account</a></p>` });

    let first = true;
    const render = () => {
      const r = route();
      const v = (views[r] || notFound)();
      document.title = v.title;
      view.innerHTML = v.html;
      $$('.account-nav a').forEach((a) => { if (a.dataset.route === r) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current'); });
      bindLinks(view);
      if (!first) $('h1', view)?.focus();
      first = false;
    };
    function go(e) {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      const href = e.currentTarget.getAttribute('href');
      if (href !== location.pathname) history.pushState({ route: e.currentTarget.dataset.route }, '', href);
      render();
    }
    function bindLinks(scope) { $$('a[data-route]', scope).forEach((a) => a.addEventListener('click', go)); }
    bindLinks($('.account-nav'));
    window.addEventListener('popstate', render);
    render();
  }

  // ---------- boot ----------
  updateCartCount();
  const init = {
    products: initProducts,
    product: initProduct,
    cart: initCart,
    checkout: initCheckoutA,
    register: initRegister,
    address: initAddress,
    delivery: initDelivery,
    payment: initPayment,
    confirmation: initConfirmation,
    app: initApp,
  }[page];
  if (init) init();
  const q = params.get('q');
  const headerSearch = $('#header-search');
  if (q && headerSearch && page !== 'products') headerSearch.value = q;
})();
