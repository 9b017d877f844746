// Moving between the lobby and rooms without reloading the page: the address is a small store,
// changed by `navigate` and by the browser's back and forward buttons, that the app renders from.
import { createStore, useStore } from './store';

const address = createStore<{ pathname: string }>()(() => ({
  pathname: typeof window === 'undefined' ? '/' : window.location.pathname,
}));

function follow(): void {
  address.setState({ pathname: window.location.pathname });
}

if (typeof window !== 'undefined') window.addEventListener('popstate', follow);

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  follow();
}

export function usePathname(): string {
  return useStore(address, (s) => s.pathname);
}
