// The preset Spec events of the tester's buttons, as editable payloads.

/** A payload the JSON editor holds: one analytics call. */
export type Payload =
  | { type: 'track'; event: string; properties?: Record<string, unknown> }
  | { type: 'identify'; userId?: string | null; traits?: Record<string, unknown> }
  | { type: 'page'; category?: string | null; name?: string | null; properties?: Record<string, unknown> }
  | { type: 'group'; groupId: string; traits?: Record<string, unknown> }
  | { type: 'alias'; userId: string; previousId?: string | null };

const PRODUCT = {
  product_id: 'sku-trail-01',
  sku: 'TR-01-42',
  name: 'Ridgeline Trail Shoe',
  brand: 'Northwind',
  category: 'Footwear',
  variant: 'Moss / 42',
  price: 129.9,
  quantity: 1,
  currency: 'EUR',
};

export const PRESETS: Record<string, Payload> = {
  Identify: {
    type: 'identify',
    userId: 'user-42',
    traits: { email: 'ada@example.com', name: 'Ada Lovelace', plan: 'pro' },
  },
  Page: { type: 'page', category: 'Shop', name: 'Trail shoes', properties: {} },
  Group: { type: 'group', groupId: 'org-7', traits: { name: 'Analytical Engines Ltd', employees: 42 } },
  Alias: { type: 'alias', userId: 'user-42', previousId: 'anon-5c2f9e' },
  'Product Viewed': { type: 'track', event: 'Product Viewed', properties: { ...PRODUCT, value: 129.9 } },
  'Order Completed': {
    type: 'track',
    event: 'Order Completed',
    properties: {
      order_id: 'ord-1001',
      total: 158.9,
      revenue: 144.4,
      shipping: 4.9,
      tax: 9.6,
      currency: 'EUR',
      products: [PRODUCT, { product_id: 'sku-sock-03', name: 'Merino Hiking Socks', price: 14.5, quantity: 2 }],
    },
  },
  'Custom track': { type: 'track', event: 'Plan Upgraded', properties: { plan: 'pro', seats: 5 } },
};

/** The problem with a payload, or undefined when it can be sent. */
export function payloadProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'the payload must be a JSON object';
  const { type } = value as { type?: unknown };
  if (!['track', 'identify', 'page', 'group', 'alias'].includes(type as string))
    return '"type" must be one of track, identify, page, group, alias';
  const payload = value as Record<string, unknown>;
  if (type === 'track' && typeof payload.event !== 'string') return 'a track payload needs "event" (a string)';
  if (type === 'group' && typeof payload.groupId !== 'string') return 'a group payload needs "groupId" (a string)';
  if (type === 'alias' && typeof payload.userId !== 'string') return 'an alias payload needs "userId" (a string)';
}
