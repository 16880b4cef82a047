import type { RequestBody, Schema } from '../common/api';

/** An item as GET /api/v1/sellers/{sellerNum}/items shows it to its seller, with its live figures. */
export type SellerItem = Schema<'SellerItem'>;

/** The terms a seller sets when listing or editing an item: the form holds every one of them. */
export type ItemTerms = Required<Omit<RequestBody<'listItem'>, 'sellerNum'>>;
