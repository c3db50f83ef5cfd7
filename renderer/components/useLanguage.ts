export { useLanguage } from '../app/i18n';
