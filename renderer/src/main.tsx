import './zodConfig';
// Sends app:info, the first view's code and (on #/people) its first page as
// soon as it is imported: first, before react-dom's code runs (issue 17).
import './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// Every global stylesheet, in the cascade order they always had (issue 17):
// views are chunks of their own now, and a sheet that came with a view's chunk
// would land after these and win ties it used to lose.
import './styles/journal.css';
import './styles/data.css';
import './views/unlock/unlock.css';
import './styles/routes.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/views.css';

const root = document.getElementById('root');
if (!root) throw new Error('Kith: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
