import type { IpcMainInvokeEvent, MenuItemConstructorOptions } from 'electron';

/**
 * FAKE of the `electron` module, named so: the Electron binary cannot run here. It stands in for
 * the parts electron/app/ uses, records what the code under test asked of them, and lets a test
 * act as the OS or the page would (a second launch, a link, a navigation, a permission request).
 *
 * Use it in a unit test with
 *   vi.mock('electron', async () => (await import('../fakes/fake-electron.ts')).fakeElectron);
 * and call resetFakeElectron() before each test.
 */

type Listener = (...args: never[]) => unknown;

/** Node's EventEmitter, as much of it as Electron's objects are used with. */
class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const once = (...args: never[]) => {
      this.off(event, once);
      return listener(...args);
    };
    return this.on(event, once);
  }

  off(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener));
    return this;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(event) ?? [];
    for (const listener of listeners) (listener as (...args: unknown[]) => unknown)(...args);
    return listeners.length > 0;
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }
}

/** An event its listeners may cancel, as Electron's are. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeApp extends FakeEmitter {
  name = 'Opsdeck';
  isPackaged = false;
  /** What requestSingleInstanceLock answers: false makes this launch a second instance. */
  singleInstanceLock = true;
  quitCalls = 0;
  /** The dock (macOS) or launcher (Linux) badge. */
  badgeCount = 0;
  readonly protocolClients: Array<{ scheme: string; path?: string; args?: string[] }> = [];
  readonly paths = new Map<string, string>();

  setAsDefaultProtocolClient(scheme: string, path?: string, args?: string[]): boolean {
    this.protocolClients.push({ scheme, ...(path === undefined ? {} : { path }), ...(args === undefined ? {} : { args }) });
    return true;
  }

  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  quit(): void {
    this.quitCalls++;
  }

  setBadgeCount(count: number): boolean {
    this.badgeCount = count;
    return true;
  }

  getVersion(): string {
    return '0.0.0-fake';
  }

  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`FakeApp: no path '${name}' was set`);
    return path;
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  /** The OS sends an app event (open-url, open-file, second-instance…); the event tells whether a listener took it. */
  sendFromOs(name: string, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event;
  }

  reset(): void {
    this.removeAllListeners();
    this.name = 'Opsdeck';
    this.isPackaged = false;
    this.singleInstanceLock = true;
    this.quitCalls = 0;
    this.badgeCount = 0;
    this.protocolClients.length = 0;
    this.paths.clear();
  }
}

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => { action: 'allow' | 'deny' };

let nextContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  /** Every message main sent the page, in order. */
  readonly sent: Array<{ channel: string; message: unknown }> = [];
  loading = false;
  private windowOpenHandler: WindowOpenHandler | null = null;

  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }

  isLoading(): boolean {
    return this.loading;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  loadURL(url: string): Promise<void> {
    this.mainFrame.url = url;
    return Promise.resolve();
  }

  /** The page starts a navigation (a link, location.href); true when it goes ahead. */
  navigate(url: string, event = 'will-navigate'): boolean {
    const navigation = new FakeEvent();
    this.emit(event, navigation, url);
    if (!navigation.defaultPrevented && event === 'will-navigate') this.mainFrame.url = url;
    return !navigation.defaultPrevented;
  }

  /** The page calls window.open(url): what the window open handler decides (no handler: Electron allows it). */
  openWindow(url: string): 'allow' | 'deny' {
    return this.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }).action ?? 'allow';
  }

  /** The page adds a <webview>: true when it may attach. */
  attachWebview(src: string): boolean {
    const attach = new FakeEvent();
    this.emit('will-attach-webview', attach, { preload: 'evil.js', nodeIntegration: true }, { src });
    return !attach.defaultPrevented;
  }

  /** The page finishes loading. */
  finishLoad(): void {
    this.loading = false;
    this.emit('did-finish-load');
  }

  /** The invoke event a frame of this page (or of another, `senderId`) sends. */
  eventFrom(frame: { url: string; parent?: unknown }, senderId = this.id): IpcMainInvokeEvent {
    return { sender: { id: senderId }, senderFrame: frame } as unknown as IpcMainInvokeEvent;
  }
}

export interface FakeRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends FakeEmitter {
  /** Every window made since the last reset, oldest first. */
  static readonly windows: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  bounds: FakeRectangle;
  maximized = false;
  minimized = false;
  focused = false;
  shown = false;

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    const { x = 0, y = 0, width = 800, height = 600 } = options as Partial<FakeRectangle>;
    this.bounds = { x, y, width, height };
    FakeBrowserWindow.windows.push(this);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  getNormalBounds(): FakeRectangle {
    return { ...this.bounds };
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  maximize(): void {
    this.maximized = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  focus(): void {
    this.focused = true;
  }

  show(): void {
    this.shown = true;
  }

  /** The user closes the window. */
  close(): void {
    this.emit('close', new FakeEvent());
    this.emit('closed');
  }
}

export class FakeScreen {
  private displays: FakeRectangle[] = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  /** The displays' work areas; the first is the primary one. */
  setDisplays(workAreas: FakeRectangle[]): void {
    this.displays = workAreas;
  }

  getAllDisplays() {
    return this.displays.map((workArea, id) => ({ id, workArea, bounds: workArea }));
  }

  getPrimaryDisplay() {
    return this.getAllDisplays()[0]!;
  }

  reset(): void {
    this.displays = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  }
}

export class FakeMenu {
  /** What Menu.setApplicationMenu was last given. */
  static applicationMenu: FakeMenu | null = null;

  constructor(readonly items: MenuItemConstructorOptions[]) {}

  static buildFromTemplate(template: MenuItemConstructorOptions[]): FakeMenu {
    return new FakeMenu(template);
  }

  static setApplicationMenu(menu: FakeMenu | null): void {
    FakeMenu.applicationMenu = menu;
  }
}

export class FakeShell {
  /** URLs handed to the OS, in order. */
  readonly opened: string[] = [];

  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }

  reset(): void {
    this.opened.length = 0;
  }
}

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Records handlers and lets a test invoke a channel as a given sender would. */
export class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  invoke(channel: string, event: IpcMainInvokeEvent, input: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    // As over real IPC, a handler that throws rejects the caller's promise.
    return new Promise((resolve) => resolve(handler(event, input)));
  }

  reset(): void {
    this.handlers.clear();
  }
}

export class FakeDialog {
  /** What the next open dialog answers. */
  openAnswer: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] };
  /** What the next save dialog answers. */
  saveAnswer: { canceled: boolean; filePath?: string } = { canceled: true };
  /** Message boxes shown, in order. */
  readonly messages: Array<{ type?: string; message: string }> = [];

  showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    void args;
    return Promise.resolve(this.openAnswer);
  }

  showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> {
    void args;
    return Promise.resolve(this.saveAnswer);
  }

  showMessageBox(...args: unknown[]): Promise<{ response: number }> {
    this.messages.push(args.at(-1) as { type?: string; message: string });
    return Promise.resolve({ response: 0 });
  }

  reset(): void {
    this.openAnswer = { canceled: true, filePaths: [] };
    this.saveAnswer = { canceled: true };
    this.messages.length = 0;
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;

export class FakeSession {
  private requestHandler: PermissionRequestHandler | null = null;
  private checkHandler: ((contents: unknown, permission: string) => boolean) | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: ((contents: unknown, permission: string) => boolean) | null): void {
    this.checkHandler = handler;
  }

  /** A page asks for a permission (navigator.mediaDevices…): whether it is granted (no handler: Electron grants it). */
  requestPermission(permission: string): boolean {
    let granted = true;
    this.requestHandler?.(null, permission, (answer) => (granted = answer));
    return granted;
  }

  /** A page checks a permission (navigator.permissions.query): whether it is granted. */
  checkPermission(permission: string): boolean {
    return this.checkHandler?.(null, permission) ?? true;
  }

  reset(): void {
    this.requestHandler = null;
    this.checkHandler = null;
  }
}

export class FakeProtocol {
  readonly privileged: Array<{ scheme: string; privileges?: Record<string, boolean> }> = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();

  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void {
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }

  /** The window fetches a URL of a registered scheme. */
  fetch(url: string): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    if (handler === undefined) throw new Error(`FakeProtocol: no handler for ${url}`);
    return Promise.resolve(handler(new Request(url)));
  }

  reset(): void {
    this.privileged.length = 0;
    this.handlers.clear();
  }
}

export class FakeNotification extends FakeEmitter {
  /** Notifications shown since the last reset. */
  static readonly shown: Array<{ title: string; body: string }> = [];
  /** The notifications themselves, to click. */
  static readonly made: FakeNotification[] = [];
  static supported = true;

  constructor(private readonly options: { title: string; body: string }) {
    super();
    FakeNotification.made.push(this);
  }

  static isSupported(): boolean {
    return FakeNotification.supported;
  }

  show(): void {
    FakeNotification.shown.push(this.options);
  }

  /** The user clicks the notification. */
  click(): void {
    this.emit('click', new FakeEvent());
  }
}

export class FakeNativeImage {
  constructor(
    readonly path: string,
    readonly size: { width: number; height: number } | null = null,
  ) {}

  static createFromPath(path: string): FakeNativeImage {
    return new FakeNativeImage(path);
  }

  resize(size: { width: number; height: number }): FakeNativeImage {
    return new FakeNativeImage(this.path, size);
  }
}

export class FakeTray extends FakeEmitter {
  /** Every tray made since the last reset. */
  static readonly trays: FakeTray[] = [];
  toolTip = '';
  title = '';
  contextMenu: FakeMenu | null = null;

  constructor(readonly image: FakeNativeImage) {
    super();
    FakeTray.trays.push(this);
  }

  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }

  setTitle(title: string): void {
    this.title = title;
  }

  setContextMenu(menu: FakeMenu): void {
    this.contextMenu = menu;
  }

  /** The user clicks the tray icon. */
  click(): void {
    this.emit('click', new FakeEvent());
  }
}

/** A window's webContents and the invoke events its frames (or others) send, without a whole window. */
export function fakeWindow(id: number, url: string) {
  const mainFrame = { url, parent: null };
  const contents = { id, mainFrame };
  const eventFrom = (frame: { url: string }, senderId = id) => ({ sender: { id: senderId }, senderFrame: frame }) as unknown as IpcMainInvokeEvent;
  return { contents, mainFrame, eventFrom };
}

const app = new FakeApp();
const screen = new FakeScreen();
const shell = new FakeShell();
const ipcMain = new FakeIpcMain();
const dialog = new FakeDialog();
const defaultSession = new FakeSession();
const protocol = new FakeProtocol();
const nativeTheme = { shouldUseDarkColors: false };

/** The module vi.mock('electron', …) answers with. */
export const fakeElectron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  Menu: FakeMenu,
  Notification: FakeNotification,
  Tray: FakeTray,
  nativeImage: FakeNativeImage,
  screen,
  shell,
  ipcMain,
  dialog,
  session: { defaultSession },
  protocol,
  nativeTheme,
};

/** A clean fake before each test: no listeners, windows, menus or recorded calls. */
export function resetFakeElectron(): void {
  app.reset();
  screen.reset();
  shell.reset();
  ipcMain.reset();
  dialog.reset();
  defaultSession.reset();
  protocol.reset();
  FakeBrowserWindow.windows.length = 0;
  FakeMenu.applicationMenu = null;
  FakeNotification.shown.length = 0;
  FakeNotification.made.length = 0;
  FakeNotification.supported = true;
  FakeTray.trays.length = 0;
  nativeTheme.shouldUseDarkColors = false;
}
