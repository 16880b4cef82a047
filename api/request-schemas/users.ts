import Joi from 'joi';
import { USER_ROLES } from '../../shared/users/access-tokens';
import type { SignUp } from '../../shared/users/accounts';
import { idSchema } from '../../shared/validation';

/** What the account routes validate with; the API document's request schemas are made from these same objects. */
// Syntax and length only: the emailed code proves the address works. Joi's bundled TLD list would
// refuse the reserved test domains (RFC 2606/6761) and every TLD delegated after it was frozen.
const email = Joi.string().trim().lowercase().email({ tlds: false }).max(254);
const password = Joi.string().min(8).max(128);
const name = Joi.string().trim().min(1).max(100);

export const verificationSchema = Joi.object<{ email: string }>({ email: email.required() });

export const signUpSchema = Joi.object<SignUp>({
  name: name.required(),
  email: email.required(),
  password: password.required(),
  userRole: Joi.string()
    .valid(...USER_ROLES)
    .required(),
  verificationCode: Joi.string().trim().pattern(/^\d{6}$/).required().description('The code mailed by POST /api/v1/verification'),
});

export const logInSchema = Joi.object<{ email: string; password: string }>({ email: email.required(), password: Joi.string().max(128).required() });
export const renameSchema = Joi.object<{ name: string }>({ name: name.required() });
export const changePasswordSchema = Joi.object<{ currentPassword: string; password: string }>({ currentPassword: Joi.string().max(128).required(), password: password.required() });
export const userPathSchema = Joi.object<{ userNum: number }>({ userNum: idSchema.required() });
