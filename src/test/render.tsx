import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { type Location, MemoryRouter, useLocation } from 'react-router';

function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } },
  });
}

type LocationRef = { current: Location | null };

function LocationProbe({ seen }: { seen: LocationRef }) {
  seen.current = useLocation();
  return null;
}

type Options = { route?: string; queryClient?: QueryClient };

export type RenderWithProvidersResult = RenderResult & {
  queryClient: QueryClient;
  /** Where the in-memory router is now: proves a click was a client-side move. */
  location: () => Location;
};

/**
 * Renders `ui` inside a MemoryRouter and a QueryClientProvider, as the app's routes are.
 * The providers are a wrapper, so `rerender` keeps them (and the state below them).
 */
export function renderWithProviders(
  ui: ReactNode,
  { route = '/', queryClient = createTestQueryClient() }: Options = {},
): RenderWithProvidersResult {
  const seen: LocationRef = { current: null };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[route]}>
        {children}
        <LocationProbe seen={seen} />
      </MemoryRouter>
    </QueryClientProvider>
  );
  const result = render(ui, { wrapper });
  return {
    ...result,
    queryClient,
    location: () => {
      if (!seen.current) throw new Error('the router has not rendered');
      return seen.current;
    },
  };
}

/** Text as a reader sees it: bidi marks removed, no-break spaces made plain, runs of space collapsed. */
export function visibleText(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\u200E\u200F\u061C]/g, '')
    .replace(/[\u00A0\u202F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
