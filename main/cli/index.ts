// The command line: `check FILE --json` (CONTRACT.md), `import FILE… [--db]`, `list [--db]`,
// `export (FILE | --submission ID) --out BOOK.xlsx [--db] [--plain]`, `opinion --submission ID --out LETTER.docx`.
// Every command goes through the one API.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createApi } from '../api/index.js';
import { installProcessGuards } from '../api/guards.js';
import { AppError, toErrorData } from '../model/errors.js';
import { toContract } from '../model/types.js';
import { defaultDbPath } from '../store/paths.js';
import { parseArgs, type ParsedArgs } from './args.js';
import { errorLine, exitCodeOf, formatList, formatImport } from './format.js';

const USAGE = `用法 / usage:
  cli check FILE [--json]                         读取并检查一份公开文件 / read and check one disclosure
  cli import FILE… [--db PATH]                    存入档案库 / store in the archive
  cli list [--db PATH]                            列出档案 / list departments × years × versions
  cli export (FILE | --submission ID) --out BOOK.xlsx [--db PATH] [--plain]
                                                  导出九张标准表（FILE 不加 --db 时不存入档案库）/ export the
                                                  standard tables (FILE without --db is not archived)
  cli opinion --submission ID --out LETTER.docx [--db PATH]
                                                  导出审核意见书（Word）/ write the review opinion letter (.docx)`;

function fail(err: unknown): never {
  const e = toErrorData(err);
  process.stderr.write(errorLine(e) + '\n');
  if (e.code === 'internal' && err instanceof Error && err.stack && process.env.BUDGET_DEBUG) process.stderr.write(err.stack + '\n');
  process.exit(exitCodeOf(e));
}

async function main(argv: string[]): Promise<void> {
  const args: ParsedArgs = parseArgs(argv);
  const [command, ...files] = args.positional;
  if (!command || args.flags.has('help')) {
    process.stderr.write(USAGE + '\n');
    process.exit(command ? 0 : 2);
  }
  const needsDb = command !== 'check';
  // `export FILE` without --db reads the file into a throw-away archive: it never files it in the user's archive.
  const scratch = command === 'export' && !args.options.has('db') && !args.options.has('submission');
  const api = createApi({ dbPath: !needsDb ? null : scratch ? ':memory:' : (args.options.get('db') ?? defaultDbPath()) });
  try {
    switch (command) {
      case 'check': {
        if (files.length !== 1) throw new AppError('invalid-argument', 'check 需要一个文件', 'check takes exactly one file');
        const doc = await api['document.check']({ path: files[0]! });
        const out = args.flags.has('json') ? JSON.stringify(toContract(doc)) : JSON.stringify(toContract(doc), null, 2);
        process.stdout.write(out + '\n');
        return;
      }
      case 'import': {
        if (files.length === 0) throw new AppError('invalid-argument', 'import 需要至少一个文件', 'import takes one or more files');
        // Every file is tried; each failure is one line naming its file; the exit code is the worst one.
        let exit: 0 | 1 | 2 = 0;
        for (const file of files) {
          try {
            const r = await api['archive.importFile']({ path: file });
            process.stdout.write(formatImport(file, r) + '\n');
          } catch (err) {
            const e = toErrorData(err);
            exit = exit === 1 ? 1 : exitCodeOf(e);
            process.stderr.write(errorLine(e, file) + '\n');
          }
        }
        if (exit) process.exit(exit);
        return;
      }
      case 'list': {
        const rows = await api['archive.list']({ query: args.options.get('query') });
        process.stdout.write(args.flags.has('json') ? JSON.stringify(rows) + '\n' : formatList(rows) + '\n');
        return;
      }
      case 'export': {
        const out = args.options.get('out');
        if (!out) throw new AppError('invalid-argument', 'export 需要 --out BOOK.xlsx', 'export needs --out BOOK.xlsx');
        const plain = args.flags.has('plain');
        let submissionId = Number(args.options.get('submission') ?? NaN);
        if (!Number.isInteger(submissionId)) {
          if (files.length !== 1) throw new AppError('invalid-argument', 'export 需要一个文件或 --submission ID', 'export takes one FILE or --submission ID');
          submissionId = (await api['archive.importFile']({ path: files[0]! })).submission.id;
        }
        const r = await api['export.workbookFile']({ submissionId, plain, outPath: out });
        process.stdout.write(`${r.path}\n`);
        return;
      }
      case 'opinion': {
        const out = args.options.get('out');
        const submissionId = Number(args.options.get('submission') ?? NaN);
        if (!out || !Number.isInteger(submissionId)) {
          throw new AppError('invalid-argument', 'opinion 需要 --submission ID 和 --out LETTER.docx', 'opinion needs --submission ID and --out LETTER.docx');
        }
        const r = await api['export.opinion']({ submissionId });
        await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
        await fs.writeFile(out, Buffer.from(r.dataBase64, 'base64'));
        process.stdout.write(`${path.resolve(out)}\n`);
        return;
      }
      default:
        throw new AppError('invalid-argument', `未知命令：${command}`, `unknown command: ${command}\n${USAGE}`);
    }
  } finally {
    api.close();
  }
}

// Reading runs in workers; a rejection that still escapes is not allowed to end the run with a stack trace.
installProcessGuards({ log: (line) => void (process.env.BUDGET_DEBUG && process.stderr.write(line + '\n')), uncaught: fail });
main(process.argv.slice(2)).catch(fail);
