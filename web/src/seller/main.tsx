import { render } from 'preact';
import '../common/styles.css';
import { SellerPage } from './seller-page';

render(<SellerPage />, document.getElementById('app')!);
