// A link in the app on a line of its own, e.g. back to the list or to the front page.
import type { ReactNode } from "react";
import { Link, Paragraph } from "@digdir/designsystemet-react";
import { Link as RouterLink } from "react-router";

export function ParagraphLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to={to}>{children}</RouterLink>
      </Link>
    </Paragraph>
  );
}
