import {
  compact,
  currencyOf,
  ensureGlobal,
  mapEventName,
  omit,
  productsOf,
  productsValue,
  propertiesOf,
  toNumber,
  valueOf,
} from '../src';
import type { SegmentEvent } from '../src';

describe('Spec e-commerce helpers', () => {
  it('normalises products from properties.products, resolving ids and numbers', () => {
    expect(
      productsOf({
        products: [
          { product_id: 'p1', name: 'Shoe', price: '49.5', quantity: '2', brand: 'Acme' },
          { sku: 'SKU-2', price: 10 },
          'not a product',
          null,
        ],
      }),
    ).toEqual([
      expect.objectContaining({ id: 'p1', name: 'Shoe', price: 49.5, quantity: 2, brand: 'Acme' }),
      expect.objectContaining({ id: 'SKU-2', sku: 'SKU-2', price: 10, quantity: 1 }),
    ]);
  });

  it('treats single-product properties as one product and caps huge carts', () => {
    expect(productsOf({ product_id: 42, name: 'Hat', price: 5 })).toEqual([
      expect.objectContaining({ id: '42', price: 5 }),
    ]);
    expect(productsOf({ order_id: 'o1' })).toEqual([]);
    expect(productsOf({ products: Array.from({ length: 1000 }, (_, i) => ({ product_id: `p${i}` })) })).toHaveLength(
      200,
    );
  });

  it('derives value: revenue, then total, then value, then price × quantity', () => {
    expect(valueOf({ revenue: 10, total: 20 })).toBe(10);
    expect(valueOf({ total: '20.5' })).toBe(20.5);
    expect(valueOf({ value: 3 })).toBe(3);
    expect(valueOf({ price: 4, quantity: 3 })).toBe(12);
    expect(valueOf({ revenue: 'free' })).toBeUndefined();
  });

  it('upper-cases a valid currency and falls back otherwise', () => {
    expect(currencyOf({ currency: 'eur' })).toBe('EUR');
    expect(currencyOf({ currency: '€' })).toBe('USD');
    expect(currencyOf({}, 'GBP')).toBe('GBP');
  });

  it('reads numbers strictly', () => {
    expect([toNumber('1e3'), toNumber(''), toNumber(' '), toNumber(Infinity), toNumber(null), toNumber(7)]).toEqual([
      1000,
      undefined,
      undefined,
      undefined,
      undefined,
      7,
    ]);
  });
});

describe('mapEventName', () => {
  const builtIn = { 'Order Completed': 'purchase', 'Product Viewed': 'view_item' } as const;
  it('prefers the customer mapping, then the built-in Spec mapping', () => {
    expect(mapEventName('Order Completed', builtIn)).toBe('purchase');
    expect(mapEventName('Order Completed', builtIn, { 'Order Completed': 'checkout_done' })).toBe('checkout_done');
    expect(mapEventName('Upgraded', builtIn, { Upgraded: 'purchase' })).toBe('purchase');
    expect(mapEventName('Unknown', builtIn)).toBeUndefined();
  });
  it('maps nothing for prototype names or non-strings', () => {
    expect(mapEventName('__proto__', builtIn, {})).toBeUndefined();
    expect(mapEventName('constructor', builtIn, {})).toBeUndefined();
    expect(mapEventName('toString', builtIn)).toBeUndefined();
    expect(mapEventName(undefined, builtIn)).toBeUndefined();
  });
});

describe('productsValue', () => {
  it('sums price × quantity of the priced products, to the cent', () => {
    const products = productsOf({
      products: [
        { product_id: 'a', price: 19.99, quantity: 3 },
        { product_id: 'b', price: '0.1' },
        { product_id: 'c', quantity: 5 },
      ],
    });
    expect(productsValue(products)).toBe(60.07);
  });
  it('is undefined when no product has a price', () => {
    expect(productsValue(productsOf({ products: [{ product_id: 'a' }] }))).toBeUndefined();
    expect(productsValue([])).toBeUndefined();
  });
});

describe('object helpers', () => {
  it('compact drops undefined values at every depth and copies', () => {
    const input = { a: 1, b: undefined, c: { d: undefined, e: 'x' }, f: [1, 2] };
    const out = compact(input);
    expect(out).toEqual({ a: 1, c: { e: 'x' }, f: [1, 2] });
    expect(Object.keys(out)).toEqual(['a', 'c', 'f']);
    expect(out.f).not.toBe(input.f);
  });
  it('propertiesOf gives {} for absent or malformed properties', () => {
    expect(propertiesOf({ type: 'track' })).toEqual({});
    expect(propertiesOf({ type: 'track', properties: [1] } as unknown as SegmentEvent)).toEqual({});
  });
  it('omit drops the named keys and prototype keys', () => {
    const input = JSON.parse('{"a":1,"b":2,"__proto__":{"x":1}}');
    const out = omit(input, ['b']);
    expect(out).toEqual({ a: 1 });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
  it('ensureGlobal never clobbers an existing global', () => {
    const w = window as unknown as Record<string, unknown>;
    w.vendorX = 'existing';
    expect(ensureGlobal(window, 'vendorX', () => 'stub')).toBe('existing');
    delete w.vendorX;
    expect(ensureGlobal(window, 'vendorX', () => 'stub')).toBe('stub');
    delete w.vendorX;
  });
});
