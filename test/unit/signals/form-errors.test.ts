// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { FormErrorTracker, countFormErrors, newErrors, snapshotErrors } from '../../../src/content/dom/form-errors.ts';

function fixture(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const byId = (id: string): HTMLElement => document.getElementById(id)!;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('snapshotErrors / newErrors', () => {
  it('counts fields that turn aria-invalid="true"', () => {
    const root = fixture(`<input id="email"><input id="name" aria-invalid="false">`);
    const before = snapshotErrors(root);
    byId('email').setAttribute('aria-invalid', 'true');
    const after = snapshotErrors(root, { submitAttempt: true });
    const added = newErrors(before, after);
    expect(added.fields).toEqual([byId('email')]);
    expect(added.count).toBe(1);
  });

  it('counts :invalid fields only in a submit-attempt snapshot', () => {
    const root = fixture(
      `<form><input id="req" required><input id="mail" type="email" value="nope"><input id="ok" required value="x"></form>`,
    );
    expect(snapshotErrors(root).fields.size).toBe(0);
    const atSubmit = snapshotErrors(root, { submitAttempt: true });
    expect([...atSubmit.fields]).toEqual([byId('req'), byId('mail')]);
    expect(newErrors(snapshotErrors(root), atSubmit).count).toBe(2);
  });

  it('counts a field that is both aria-invalid and :invalid once', () => {
    const root = fixture(`<input id="a" required aria-invalid="false">`);
    const before = snapshotErrors(root);
    byId('a').setAttribute('aria-invalid', 'true');
    const after = snapshotErrors(root, { submitAttempt: true });
    expect(after.fields.size).toBe(1);
    expect(newErrors(before, after).count).toBe(1);
  });

  it('ignores invalid fields that are hidden or disabled', () => {
    const root = fixture(`
      <input required style="display:none">
      <div hidden><input aria-invalid="true"></div>
      <input required disabled aria-invalid="true">
      <input role="combobox" disabled aria-invalid="true">
      <select role="listbox" disabled aria-invalid="true"></select>`);
    // A field with a widget role is judged by the rules for fields, which leave out disabled ones.
    expect(snapshotErrors(root, { submitAttempt: true }).fields.size).toBe(0);
  });

  it('counts an ARIA widget with aria-invalid="true"', () => {
    const root = fixture(
      `<div role="combobox" id="cb" aria-invalid="true"></div><div aria-invalid="true">not a widget</div>`,
    );
    expect([...snapshotErrors(root).fields]).toEqual([byId('cb')]);
  });

  it('counts each ARIA widget role and contenteditable, and no other element with aria-invalid', () => {
    const widgets = [
      'textbox',
      'searchbox',
      'combobox',
      'listbox',
      'spinbutton',
      'slider',
      'checkbox',
      'radiogroup',
      ' Switch ',
    ];
    const root = fixture(
      widgets.map((role, i) => `<div role="${role}" id="w${i}" aria-invalid="true"></div>`).join('') +
        `<div contenteditable id="edit" aria-invalid="true"></div>
         <div role="button" aria-invalid="true"></div><span aria-invalid="true"></span>
         <div role="textbox" aria-invalid="false"></div>
         <div role="alert" id="both" aria-invalid="true">Card declined</div>`,
    );
    // An input that is no field is judged by its role like any element.
    root.insertAdjacentHTML(
      'beforeend',
      `<input type="button" role="combobox" id="button-widget" aria-invalid="true">`,
    );
    const snap = snapshotErrors(root);
    expect([...snap.fields]).toEqual([...widgets.map((_, i) => byId(`w${i}`)), byId('edit'), byId('button-widget')]);
    // An element can be a region and carry aria-invalid: it is read as a region.
    expect([...snap.messages.values()]).toEqual(['Card declined']);
  });

  it('reads as regions only what the region selector matches, so a nested message counts once', () => {
    // role="Alert" is no role=alert to CSS; with aria-invalid it is still found by the scan's query.
    const root = fixture(`<div role="Alert" aria-invalid="true"><p aria-live="polite" id="inner"></p></div>`);
    const before = snapshotErrors(root);
    byId('inner').textContent = 'Card declined';
    expect(newErrors(before, snapshotErrors(root)).messages).toEqual(['Card declined']);
  });

  it('counts non-empty text that appears in role=alert and aria-live regions', () => {
    const root = fixture(`
      <div role="alert" id="alert"></div>
      <p aria-live="polite" id="live">   </p>
      <p aria-live="off" id="off"></p>`);
    const before = snapshotErrors(root);
    expect(before.messages.size).toBe(0);
    byId('alert').textContent = 'Enter a valid postcode';
    byId('live').textContent = '  Card   number\n is required ';
    byId('off').textContent = 'Not announced';
    const added = newErrors(before, snapshotErrors(root));
    expect(added.messages).toEqual(['Enter a valid postcode', 'Card number is required']);
    expect(added.count).toBe(2);
  });

  it('does not count whitespace-only or hidden regions, and nested regions once', () => {
    const root = fixture(`
      <div role="alert" id="blank"></div>
      <div role="alert" style="display:none" id="hidden"></div>
      <div aria-live="assertive" id="outer"><span role="alert" id="inner"></span></div>`);
    const before = snapshotErrors(root);
    byId('blank').textContent = ' \n ';
    byId('hidden').textContent = 'Invisible error';
    byId('inner').textContent = 'Payment declined';
    const added = newErrors(before, snapshotErrors(root));
    expect(added.messages).toEqual(['Payment declined']);
  });

  it('a region whose text changes counts again; unchanged text does not', () => {
    const root = fixture(`<div role="alert" id="a">Enter your email</div>`);
    const s1 = snapshotErrors(root);
    expect(newErrors(s1, snapshotErrors(root)).count).toBe(0);
    byId('a').textContent = 'Enter a valid card number';
    expect(newErrors(s1, snapshotErrors(root)).messages).toEqual(['Enter a valid card number']);
  });

  it('does not count baseline errors again', () => {
    const root = fixture(`
      <input id="pre" aria-invalid="true">
      <div role="alert">Server says: check the form</div>
      <input id="later">`);
    const baseline = snapshotErrors(root);
    byId('later').setAttribute('aria-invalid', 'true');
    const added = newErrors(baseline, snapshotErrors(root, { submitAttempt: true }));
    expect(added.fields).toEqual([byId('later')]);
    expect(added.messages).toEqual([]);
  });
});

describe('countFormErrors', () => {
  it('counts invalid fields (aria-invalid and :invalid) and non-empty alert regions now', () => {
    const root = fixture(`
      <input required><input aria-invalid="true"><input value="fine">
      <div role="alert">Please fix 2 fields</div><div aria-live="polite"></div>`);
    expect(countFormErrors(root)).toBe(3);
  });
});

describe('FormErrorTracker', () => {
  it('counts errors appearing at submit attempts, and only once while they persist', () => {
    const root = fixture(`
      <form>
        <input id="email" type="email" required>
        <input id="name" required value="Ann">
        <div role="alert" id="msg"></div>
      </form>`);
    const tracker = new FormErrorTracker(root);
    expect(tracker.total).toBe(0);

    // Attempt 1: the empty required e-mail is :invalid.
    expect(tracker.submitAttempt().fields).toEqual([byId('email')]);
    expect(tracker.total).toBe(1);

    // A second call for the same attempt (scripts rendering late) only adds what is new.
    byId('msg').textContent = 'Please enter your e-mail';
    expect(tracker.submitAttempt().messages).toEqual(['Please enter your e-mail']);
    expect(tracker.total).toBe(2);

    // Attempt 2 with the same problem: nothing new.
    expect(tracker.submitAttempt().count).toBe(0);
    expect(tracker.total).toBe(2);

    // Fix the e-mail, clear the name: the name appears as a new error.
    (byId('email') as HTMLInputElement).value = 'ann@example.com';
    (byId('name') as HTMLInputElement).value = '';
    expect(tracker.submitAttempt().fields).toEqual([byId('name')]);
    expect(tracker.total).toBe(3);
  });

  it('between attempts, check() counts new messages but not fields', () => {
    const root = fixture(`<input id="a" required><p aria-live="polite" id="live"></p>`);
    const tracker = new FormErrorTracker(root);
    byId('a').setAttribute('aria-invalid', 'true');
    byId('live').textContent = 'Card number looks wrong';
    expect(tracker.check()).toMatchObject({ fields: [], messages: ['Card number looks wrong'], count: 1 });
    expect(tracker.check().count).toBe(0);
    // The aria-invalid field counts at the next submit attempt, the message is not counted again.
    expect(tracker.submitAttempt()).toMatchObject({ fields: [byId('a')], messages: [], count: 1 });
    expect(tracker.total).toBe(2);
  });

  it('does not count errors present when the step started', () => {
    const root = fixture(`<input aria-invalid="true" value="x"><div role="alert">Server-side error</div>`);
    const tracker = new FormErrorTracker(root);
    expect(tracker.submitAttempt().count).toBe(0);
    expect(tracker.total).toBe(0);
  });
});

describe('snapshotErrors, what it asks of styles', () => {
  it('reads no style on a page with no field in error and only empty regions, and still finds errors once there are', () => {
    const root = fixture(
      `<form><input id="a" required value="x"><input id="b"><select id="c"><option>1</option></select></form>` +
        `<div aria-live="polite" id="live"></div><div role="alert"> </div>`,
    );
    const reads: string[] = [];
    const original = window.getComputedStyle.bind(window);
    window.getComputedStyle = (el: Element) => {
      reads.push(el.id || el.localName);
      return original(el);
    };
    try {
      const quiet = snapshotErrors(root, { submitAttempt: true });
      expect(quiet.fields.size + quiet.messages.size).toBe(0);
      expect(reads).toEqual([]);
      byId('b').setAttribute('aria-invalid', 'true');
      byId('live').textContent = 'Enter your postcode';
      const loud = snapshotErrors(root, { submitAttempt: true });
      expect([...loud.fields]).toEqual([byId('b')]);
      expect([...loud.messages.values()]).toEqual(['Enter your postcode']);
      expect(reads.length).toBeGreaterThan(0);
    } finally {
      window.getComputedStyle = original;
    }
  });

  it('reads the styles of the fields in error only, and of their radio groups', () => {
    const root = fixture(
      `<form><input id="a" value="x"><input id="b"><input id="c"><input id="d" required>` +
        `<input type="radio" name="size" id="s1" style="display:none"><input type="radio" name="size" id="s2">` +
        `<input type="radio" name="size" id="s3" aria-invalid="true"><input type="radio" name="other" id="o1"></form>`,
    );
    const reads = new Set<string>();
    const original = window.getComputedStyle.bind(window);
    window.getComputedStyle = (el: Element) => {
      reads.add(el.id || el.localName);
      return original(el);
    };
    try {
      const snapshot = snapshotErrors(root, { submitAttempt: true });
      // The required field, and the radio group by its first visible radio (s2), not the one in error.
      expect([...snapshot.fields]).toEqual([byId('d'), byId('s2')]);
      for (const untouched of ['a', 'b', 'c', 'o1']) expect(reads.has(untouched)).toBe(false);
      expect(reads.has('d') && reads.has('s1') && reads.has('s3')).toBe(true);
    } finally {
      window.getComputedStyle = original;
    }
  });
});

describe('radio groups in error', () => {
  it('keep one representative whichever of their radios is in error, so a group still in error is not new', () => {
    const root = fixture(
      `<form><input type="radio" name="pay" id="p1" required><input type="radio" name="pay" id="p2">` +
        `<input type="radio" name="pay" id="p3" aria-invalid="true"></form>`,
    );
    const before = snapshotErrors(root);
    expect([...before.fields]).toEqual([byId('p1')]);
    // At the submit attempt every radio of the required group fails: still the same one field.
    const atSubmit = snapshotErrors(root, { submitAttempt: true });
    expect([...atSubmit.fields]).toEqual([byId('p1')]);
    expect(newErrors(before, atSubmit).count).toBe(0);
  });
});
