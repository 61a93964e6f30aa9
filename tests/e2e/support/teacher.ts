/** What a teacher does in the browser, as steps the end-to-end tests share. */
import { expect, type Page } from '@playwright/test';
import { DEMO_TEACHER, teacherAuth } from './teacher-api.ts';

export const DEMO_CLASS = 'CM1 B — École Jean Jaurès';

/** Sign in on /teacher with the demo teacher and wait for the class list. */
export async function signInAsTeacher(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/teacher`);
  await page.getByLabel('Adresse e-mail').fill(DEMO_TEACHER.email);
  await page.getByLabel('Mot de passe').fill(DEMO_TEACHER.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes classes' })).toBeVisible();
}

/** From the class list, open the demo class's lessons. */
export async function openDemoClass(page: Page): Promise<void> {
  await page.getByRole('link', { name: DEMO_CLASS }).click();
  await expect(page.locator('[data-screen="teacher-lessons"]')).toBeVisible();
}

/** Sign in as the demo teacher on `origin`, open the demo class and start a new lesson; returns the editor's URL. */
export async function startNewLesson(page: Page, origin: string): Promise<string> {
  await signInAsTeacher(page, origin);
  await openDemoClass(page);
  await page.getByRole('button', { name: /Nouvelle leçon/ }).click();
  await expect(page.locator('[data-screen="teacher-editor"]')).toBeVisible();
  return page.url();
}

/** Add a step of a kind (its French name in the menu) and return its fieldset. */
export async function addStep(page: Page, kindLabel: string) {
  const before = await page.locator('.step-editor').count();
  await page.getByRole('combobox', { name: 'Type d’étape' }).selectOption({ label: kindLabel });
  await page.getByRole('button', { name: '+ Ajouter l’étape' }).click();
  await expect(page.locator('.step-editor')).toHaveCount(before + 1);
  return page.locator('.step-editor').nth(before);
}

/** A date and time in the school's time zone (the browser's, Europe/Paris), as the date and time inputs take them. */
export function parisDateTime(at: Date): { date: string; time: string } {
  const [date, time] = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(at)
    .split(' ') as [string, string];
  return { date, time };
}

/** Fill the "opens on" or "due on" fieldset of the editor. */
export async function schedule(page: Page, legend: 'Ouvre le' | 'À rendre le', at: Date): Promise<void> {
  const { date, time } = parisDateTime(at);
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Date').fill(date);
  await group.getByLabel('Heure').fill(time);
}

/** The editor's delivery state line. */
export function editorState(page: Page) {
  return page.getByTestId('editor-state');
}

/** The demo class's lessons as the server has them. */
export async function serverLessons(
  origin: string,
): Promise<{ id: string; draft: { title: string }; published: { version: number } | null }[]> {
  const auth = await teacherAuth(origin);
  const { classes } = (await (await fetch(`${origin}/api/teacher/classes`, { headers: auth })).json()) as {
    classes: { id: string; name: string }[];
  };
  const demo = classes.find((k) => k.name === DEMO_CLASS)!;
  const res = await fetch(`${origin}/api/teacher/classes/${demo.id}/lessons`, { headers: auth });
  return ((await res.json()) as { lessons: never[] }).lessons;
}
