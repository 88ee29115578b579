import { writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../paths.js";
import { messagesDocument } from "./document.js";

/** `npm run docs:messages`: rewrites docs/messages.md from the real views. */
const file = path.join(projectRoot, "docs", "messages.md");
writeFileSync(file, messagesDocument());
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
