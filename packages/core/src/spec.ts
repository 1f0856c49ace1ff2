import { isObject } from './globals';
import type { SegmentEvent } from './types';

/** The Segment Spec e-commerce v2 events. */
export const ECOMMERCE_EVENTS = [
  'Products Searched',
  'Product List Viewed',
  'Product List Filtered',
  'Promotion Viewed',
  'Promotion Clicked',
  'Product Clicked',
  'Product Viewed',
  'Product Added',
  'Product Removed',
  'Cart Viewed',
  'Checkout Started',
  'Checkout Step Viewed',
  'Checkout Step Completed',
  'Payment Info Entered',
  'Order Updated',
  'Order Completed',
  'Order Refunded',
  'Order Cancelled',
  'Coupon Entered',
  'Coupon Applied',
  'Coupon Denied',
  'Coupon Removed',
  'Product Added to Wishlist',
  'Product Removed from Wishlist',
  'Wishlist Product Added to Cart',
  'Product Shared',
  'Cart Shared',
  'Product Reviewed',
] as const;

/** The Segment Spec B2B SaaS and lifecycle events destinations commonly map. */
export const LIFECYCLE_EVENTS = [
  'Signed Up',
  'Signed In',
  'Signed Out',
  'Trial Started',
  'Subscription Started',
  'Lead Created',
] as const;

/** A Spec event name a destination can map. */
export type SpecEventName = (typeof ECOMMERCE_EVENTS)[number] | (typeof LIFECYCLE_EVENTS)[number];

/** A Spec product, as it appears in `properties` or in `properties.products[]`. */
export interface SpecProduct {
  product_id?: string;
  sku?: string;
  name?: string;
  brand?: string;
  category?: string;
  variant?: string;
  price?: number;
  quantity?: number;
  coupon?: string;
  position?: number;
  url?: string;
  image_url?: string;
}

/** Properties of the order events (Checkout Started, Order Completed, Order Refunded, …). */
export interface SpecOrderProperties {
  order_id?: string;
  checkout_id?: string;
  affiliation?: string;
  total?: number;
  subtotal?: number;
  revenue?: number;
  value?: number;
  shipping?: number;
  tax?: number;
  discount?: number;
  coupon?: string;
  currency?: string;
  products?: SpecProduct[];
}

/** A product with its id resolved and its numbers made numbers. */
export interface NormalizedProduct {
  id: string | undefined;
  sku: string | undefined;
  name: string | undefined;
  brand: string | undefined;
  category: string | undefined;
  variant: string | undefined;
  price: number | undefined;
  quantity: number;
  coupon: string | undefined;
  position: number | undefined;
}

/** Most products an event may carry into a vendor call: huge carts are cut, not sent whole. */
export const MAX_PRODUCTS = 200;

/** `event.properties` as a plain object (`{}` when absent or malformed). */
export function propertiesOf(event: SegmentEvent): Record<string, unknown> {
  return isObject(event.properties) ? event.properties : {};
}

/** `event.traits` (identify, group) or `context.traits`, as a plain object. */
export function traitsOf(event: SegmentEvent): Record<string, unknown> {
  if (isObject(event.traits)) return event.traits;
  return isObject(event.context?.traits) ? event.context.traits : {};
}

/** A finite number from a number or a numeric string, else undefined. */
export function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A string from a string or a finite number, else undefined. */
export function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** ISO 4217 code from `properties.currency` (upper-cased), else `fallback`. */
export function currencyOf(properties: Record<string, unknown>, fallback = 'USD'): string {
  const currency = properties.currency;
  return typeof currency === 'string' && /^[a-z]{3}$/i.test(currency) ? currency.toUpperCase() : fallback;
}

/** The monetary value of an event: revenue, else total, else value, else price × quantity. */
export function valueOf(properties: Record<string, unknown>): number | undefined {
  const direct = toNumber(properties.revenue) ?? toNumber(properties.total) ?? toNumber(properties.value);
  if (direct !== undefined) return direct;
  const price = toNumber(properties.price);
  return price === undefined ? undefined : price * (toNumber(properties.quantity) ?? 1);
}

/**
 * Σ price × quantity of the products that have a price, to the cent (an order's value when it states
 * none); undefined when no product has a price.
 */
export function productsValue(products: readonly NormalizedProduct[]): number | undefined {
  const priced = products.filter((product) => product.price !== undefined);
  return priced.length
    ? Math.round(priced.reduce((sum, product) => sum + product.price! * product.quantity, 0) * 100) / 100
    : undefined;
}

/** A copy without undefined values (a JSON round trip), so a vendor call carries only what is known. */
export const compact = <T extends object>(params: T): T => JSON.parse(JSON.stringify(params));

/** Normalises one Spec product; `product_id`, else `sku`, else `id` becomes `id`. */
export function normalizeProduct(product: Record<string, unknown>): NormalizedProduct {
  const sku = toText(product.sku);
  return {
    id: toText(product.product_id) ?? sku ?? toText(product.id),
    sku,
    name: toText(product.name),
    brand: toText(product.brand),
    category: toText(product.category),
    variant: toText(product.variant),
    price: toNumber(product.price),
    quantity: toNumber(product.quantity) ?? 1,
    coupon: toText(product.coupon),
    position: toNumber(product.position),
  };
}

/**
 * The products of an event: `properties.products[]` when it is an array (non-objects skipped, at most
 * {@link MAX_PRODUCTS}), else the properties themselves when they describe one product.
 */
export function productsOf(properties: Record<string, unknown>): NormalizedProduct[] {
  const list = properties.products;
  if (Array.isArray(list)) return list.slice(0, MAX_PRODUCTS).filter(isObject).map(normalizeProduct);
  const single = normalizeProduct(properties);
  return single.id !== undefined || single.name !== undefined ? [single] : [];
}

/**
 * Looks up the vendor event for a track event name: the customer's own mapping first (exact name),
 * then the destination's built-in Spec mapping. Own-property lookups only, so `"__proto__"` or
 * `"constructor"` as an event name maps to nothing.
 */
export function mapEventName<V extends string>(
  name: string | undefined,
  builtIn: Partial<Record<SpecEventName, V>>,
  custom?: Record<string, string>,
): string | V | undefined {
  if (typeof name !== 'string') return undefined;
  const own = <T>(table: Record<string, T> | undefined): T | undefined =>
    table && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  return own(custom) ?? own(builtIn as Record<string, V>);
}

/** A copy of `source` without the listed keys and without prototype-polluting keys. */
export function omit(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (!keys.includes(key) && key !== '__proto__' && key !== 'constructor' && key !== 'prototype')
      out[key] = source[key];
  }
  return out;
}
