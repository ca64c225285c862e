import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, methodNames } from './ipc/methodNames';
import { buildDeskApi } from './ipc/exposeApi';

contextBridge.exposeInMainWorld(
  'desk',
  buildDeskApi(methodNames, (name, input) => ipcRenderer.invoke(channelOf(name), input)),
);
