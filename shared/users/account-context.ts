import type { ServiceContext } from '../context';
import type { Mailer } from '../mail';

export interface AccountContext extends ServiceContext {
  mailer: Mailer;
}
