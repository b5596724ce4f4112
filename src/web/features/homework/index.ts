// The homework feature's pages, for the app's routes; the client page's panel.
export { ClientHomeworkPanel } from './ClientHomeworkPanel.js';
export { HandoutPage } from './HandoutPage.js';
export { HomeworkStepPage } from './HomeworkStepPage.js';
export { TeachPage } from './TeachPage.js';
