// The register's API for other features (follow-up, minutes, demo data): service functions take
// the caller's transaction and open none themselves, so several calls compose into one.
export { type OpenRecommendation, openRecommendationsForBody, rateForFilter } from './register';
export {
  listUpdates,
  loadRecommendation,
  loadRegisterRows,
  type RecommendationUpdate,
  type RegisterRow,
} from './repository';
export {
  addRecommendationUpdate,
  createRecommendation,
  type RecommendationInput,
  type RecommendationUpdateInput,
} from './service';
