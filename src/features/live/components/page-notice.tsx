import type { ReactNode } from 'react';
import './page-notice.css';

type Props = { children: ReactNode; action?: ReactNode };

/** A line about the page itself, above its content: «لم تعد هذه القصة منشورة», «حُدِّثت هذه القصة». */
export function PageNotice({ children, action }: Props) {
  return (
    <div className="page-notice">
      <p className="page-notice__text">{children}</p>
      {action}
    </div>
  );
}
