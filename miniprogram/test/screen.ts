/** What page tests ask of the rendered screen, beyond testing-library's own queries. */
import { screen } from '@testing-library/react';

/** Each text is on the page, once (as getByText asks). */
export const expectShown = (...texts: string[]) => {
  for (const text of texts) expect(screen.getByText(text)).toBeTruthy();
};

/** None of the texts is on the page. */
export const expectNotShown = (...texts: string[]) => {
  for (const text of texts) expect(screen.queryByText(text)).toBeNull();
};
