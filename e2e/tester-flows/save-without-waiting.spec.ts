import { expect, test } from '@playwright/test';

// The flow a tester writes first, with plain Playwright and nothing of the suite's:
// open a story, press «حفظ», see it pressed. No wait for the app: CONTRACT §4 says a
// control works from the moment it shows, and a reader's first tap is never lost.
test.describe('the obvious flows', { tag: '@tester-flows' }, () => {
  test('open a story and press «حفظ» at once: it is saved', async ({ page, request }) => {
    const front = await (await request.get('/api/front.json')).json();
    const id: string = (front.lead ?? front.latest[0]).id;

    await page.goto(`/article/${id}`);
    // exact: the story cards' toggles are named «حفظ: <headline>».
    const save = page.getByRole('button', { name: 'حفظ', exact: true });
    await save.click();
    await expect(save).toHaveAttribute('aria-pressed', 'true');
  });
});
