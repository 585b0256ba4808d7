// The pattern every data page uses for one query: loading, then either the
// error said plainly or the data, typed by the operation's generated types.
//
//   const [result] = useQuery({ query: MyCasesDocument });
//   return <QueryResult result={result}>{(data) => <CaseList cases={data.myCases} />}</QueryResult>;
import type { ReactNode } from "react";
import type { UseQueryState } from "urql";
import { ErrorMessage } from "./ErrorMessage.tsx";
import { Loading } from "./Loading.tsx";

export function QueryResult<Data>({ result, children }: { result: UseQueryState<Data>; children: (data: Data) => ReactNode }) {
  if (result.error && !result.data) return <ErrorMessage error={result.error} />;
  if (!result.data) return <Loading />;
  return <>{children(result.data)}</>;
}
