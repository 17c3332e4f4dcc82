import { act, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SearchForm } from './search-form.tsx';

// A search route whose loader waits until the test lets it go, as the real one waits
// for the index chunks: navigations stay on their way as long as the test wants.
function renderSearchAt(path: string) {
  const held: Array<() => void> = [];
  const router = createMemoryRouter(
    [
      {
        path: '/search',
        loader: () => new Promise<null>((resolve) => held.push(() => resolve(null))),
        Component: SearchForm,
        hydrateFallbackElement: <p>loading</p>,
      },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  const landAll = async () => {
    while (held.length > 0) {
      await act(async () => {
        for (const go of held.splice(0)) go();
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
    }
  };
  const query = () => new URLSearchParams(router.state.location.search).get('q');
  return { router, landAll, query };
}

const box = () => screen.getByRole('searchbox', { name: 'بحث' }) as HTMLInputElement;

// Real time: the typing pause is 200 ms, and these waits outlast it.
const pause = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

describe('SearchForm on the search page', () => {
  it('keeps the previous query one step back when Enter comes while typing is on its way', async () => {
    const { router, landAll, query } = renderSearchAt('/search?q=أول');
    await landAll();
    expect(box().value).toBe('أول');

    fireEvent.change(box(), { target: { value: 'ثان' } });
    // The typing pause sends the query; its loader is still fetching when Enter comes.
    await pause(250);
    fireEvent.submit(box().form as HTMLFormElement);
    await landAll();
    expect(query()).toBe('ثان');

    act(() => void router.navigate(-1));
    await landAll();
    expect(query()).toBe('أول');
    expect(box().value).toBe('أول');

    act(() => void router.navigate(1));
    await landAll();
    expect(query()).toBe('ثان');
    expect(box().value).toBe('ثان');
  });

  it('gives a query typed in two pauses one history entry', async () => {
    const { router, landAll, query } = renderSearchAt('/search?q=أول');
    await landAll();

    fireEvent.change(box(), { target: { value: 'ثا' } });
    await pause(250);
    await landAll();
    fireEvent.change(box(), { target: { value: 'ثاني' } });
    await pause(250);
    await landAll();
    expect(query()).toBe('ثاني');

    act(() => void router.navigate(-1));
    await landAll();
    expect(query()).toBe('أول');
  });

  it('keeps the previous query one step back when a second pause comes before the first lands', async () => {
    const { router, landAll, query } = renderSearchAt('/search?q=أول');
    await landAll();

    fireEvent.change(box(), { target: { value: 'ثا' } });
    await pause(250);
    fireEvent.change(box(), { target: { value: 'ثاني' } });
    await pause(250);
    await landAll();
    expect(query()).toBe('ثاني');

    act(() => void router.navigate(-1));
    await landAll();
    expect(query()).toBe('أول');
  });

  it('gives the next query its own entry after Enter', async () => {
    const { router, landAll, query } = renderSearchAt('/search?q=أول');
    await landAll();

    fireEvent.change(box(), { target: { value: 'ثان' } });
    fireEvent.submit(box().form as HTMLFormElement);
    await landAll();
    fireEvent.change(box(), { target: { value: 'ثالث' } });
    await pause(250);
    await landAll();
    expect(query()).toBe('ثالث');

    act(() => void router.navigate(-1));
    await landAll();
    expect(query()).toBe('ثان');
  });
});
