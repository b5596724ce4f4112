import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../NotFoundPage.js';
import { EditExercisePage, NewExercisePage } from './ExerciseFormPage.js';
import { ExercisePage } from './ExercisePage.js';
import { LibraryPage } from './LibraryPage.js';
import { PackFormPage } from './PackFormPage.js';
import { PacksPage } from './PacksPage.js';

/** Everything under /library: the list, an item, writing and editing items, and packs. */
export function LibraryRoutes() {
  return (
    <Routes>
      <Route index element={<LibraryPage />} />
      <Route path="new" element={<NewExercisePage />} />
      <Route path="packs" element={<PacksPage />} />
      <Route path="packs/new" element={<PackFormPage />} />
      <Route path="packs/:id/edit" element={<PackFormPage />} />
      <Route path=":id" element={<ExercisePage />} />
      <Route path=":id/edit" element={<EditExercisePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
