import Joi from 'joi';
import { idSchema } from '../../shared/validation';

/** What the dead-entry routes validate with; orderNum 0 gathers entries that name no order. */
export const deadOrderPathSchema = Joi.object<{ itemNum: number; orderNum: number }>({
  itemNum: idSchema.required(),
  orderNum: idSchema.min(0).required().description('0: entries that name no order'),
});
