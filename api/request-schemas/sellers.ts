import Joi from 'joi';
import { idSchema } from '../../shared/validation';

/** What the seller routes validate with; the API document's request schemas are made from these same objects. */
export const sellerPathSchema = Joi.object<{ sellerNum: number }>({ sellerNum: idSchema.required() });
