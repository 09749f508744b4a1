// electron-builder afterPack hook: flips the Electron fuses of the packaged binary (electron-builder 25 has no
// electronFuses option). The app cannot be run as plain Node (ELECTRON_RUN_AS_NODE), takes no --inspect and
// no NODE_OPTIONS, loads its code only from app.asar, encrypts its cookie store, and gives file:// no extra
// privileges. The fuses are data (FUSES) so that test/app-security.test.ts can read them.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

const FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};

function executable(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

async function afterPack(context) {
  const fuses = { version: FuseVersion.V1 };
  for (const [name, value] of Object.entries(FUSES)) fuses[FuseV1Options[name]] = value;
  await flipFuses(executable(context), fuses);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
