// 文件/编辑/视图/帮助 with accelerators; menu commands reach the renderer as 'menu:<command>' events.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(win: () => BrowserWindow | undefined, about: () => void): Menu {
  const send = (command: string) => () => win()?.webContents.send('menu:command', command);
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '导入文件…', accelerator: 'CmdOrCtrl+O', click: send('import-files') },
        { label: '导入文件夹…', accelerator: 'CmdOrCtrl+Shift+O', click: send('import-folder') },
        { type: 'separator' },
        { label: '导出 Excel（含审核意见）…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { label: '导出 Excel（仅九张表）…', accelerator: 'CmdOrCtrl+Shift+E', click: send('export-plain') },
        { label: '打印预览本表…', accelerator: 'CmdOrCtrl+P', click: send('print-table') },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销修改', accelerator: 'CmdOrCtrl+Z', click: send('undo-correction') },
        { label: '重做修改', accelerator: 'CmdOrCtrl+Y', click: send('redo-correction') },
        { type: 'separator' },
        { label: '确认问题', accelerator: 'Alt+C', click: send('confirm-finding') },
        { label: '排除问题', accelerator: 'Alt+X', click: send('dismiss-finding') },
        { label: '重新打开问题', accelerator: 'Alt+O', click: send('reopen-finding') },
        { type: 'separator' },
        { label: '在表格中查找…', accelerator: 'CmdOrCtrl+F', click: send('search') },
        { label: '查找下一个', accelerator: 'F3', click: send('search-next') },
        { label: '查找上一个', accelerator: 'Shift+F3', click: send('search-previous') },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '档案库', accelerator: 'CmdOrCtrl+1', click: send('show-archive') },
        { label: '下一个问题', accelerator: 'F8', click: send('next-finding') },
        { label: '上一个问题', accelerator: 'Shift+F8', click: send('previous-finding') },
        { type: 'separator' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    { label: '帮助', submenu: [{ label: '快捷键', accelerator: 'F1', click: send('shortcuts') }, { label: '关于部门预算审核工作台', click: about }] },
  ];
  return Menu.buildFromTemplate(template);
}
