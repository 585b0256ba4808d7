// npm run audit:key
//
// Makes a new key for the access log's checkpoints: prints the private key
// (ACCESS_LOG_CHECKPOINT_KEY, for the subgraphs only: a secret) and its public
// half (for ACCESS_LOG_CHECKPOINT_PUBLIC_KEYS, where `npm run audit:verify`
// keeps every key whose checkpoints are still kept). Nothing is written:
// the operator puts each where it belongs (docs/operations.md).
import { keyId, newCheckpointKey, publicHalf } from "../services/kit/access-log-checkpoint-keys.ts";

const key = await newCheckpointKey();
console.log(`# key id ${await keyId(key)}`);
console.log(`ACCESS_LOG_CHECKPOINT_KEY='${JSON.stringify(key)}'`);
console.log(`# its public half, to add to ACCESS_LOG_CHECKPOINT_PUBLIC_KEYS {"keys":[…]}:`);
console.log(JSON.stringify(publicHalf(key)));
