import {
  Box,
  Button,
  Checkbox,
  DatePicker,
  Field,
  Flex,
  Modal,
  Textarea,
  TimePicker,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { type ReactNode, useEffect, useState } from 'react';

/**
 * The edit view's "Sytuacja się zmieniła" panel: Przedłuż and Odwołaj, one step each, for a
 * published notice (src/publishing/extend-and-lift.ts does the work and says no, in Polish, when
 * it cannot be done). Visible buttons, not entries in the "more actions" menu: in an emergency
 * an editor should not have to hunt for them.
 */
const NOTICE = 'api::notice.notice';
/** As the server allows (NOTE_MAX in src/publishing/extend-and-lift.ts). */
const NOTE_MAX = 400;

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { status?: string; locale?: string; liftedAt?: string | null; effectiveUntilDate?: string | null };
}

/** "2026-04-10" of the day the editor clicked, as the calendar shows it (browser-local). */
function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The browser-local midnight of "2026-04-10", where the calendar shows that day. */
function localDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, date ?? 1);
}

/** The server's reason (a Polish sentence), or a generic one when there is none. */
function reasonOf(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string; status?: number } } } }).response;
  const status = response?.data?.error?.status;
  if (status === 403) return 'Nie masz uprawnień do publikowania komunikatów. Poproś o to redaktora prowadzącego.';
  return response?.data?.error?.message ?? 'Nie udało się. Sprawdź połączenie i spróbuj ponownie.';
}

/** Posts one action; on success the page reloads so the form shows what is now published. */
function useNoticeAction(documentId: string, action: 'extend' | 'lift') {
  const { post } = useFetchClient();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (body: Record<string, unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await post(`/tablica/notices/${documentId}/${action}`, body);
      window.location.reload();
    } catch (failure) {
      setError(reasonOf(failure));
      setBusy(false);
    }
  };
  return { run, error, busy };
}

function ActionModal(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  confirm: string;
  busy: boolean;
  error: string | undefined;
  onConfirm: () => void;
  children: ReactNode;
}) {
  return (
    <Modal.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{props.title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {props.children}
            {props.error ? (
              <Box role="alert" padding={3} background="danger100" borderColor="danger600" hasRadius>
                <Typography textColor="danger700">{props.error}</Typography>
              </Box>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">Anuluj</Button>
          </Modal.Close>
          <Button onClick={props.onConfirm} loading={props.busy}>
            {props.confirm}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}

function NoteField({ value, onChange, hint }: { value: string; onChange: (note: string) => void; hint: string }) {
  return (
    <Field.Root name="actionNote" hint={hint}>
      <Field.Label>Uwagi dla mieszkańców (opcjonalnie)</Field.Label>
      <Textarea value={value} maxLength={NOTE_MAX} onChange={(event) => onChange(event.target.value)} />
      <Field.Hint />
    </Field.Root>
  );
}

/** `lastDay`: the notice's last day now; the calendar starts there and offers no earlier day. */
function ExtendButton({ documentId, lastDay }: { documentId: string; lastDay: string }) {
  const [open, setOpen] = useState(false);
  // The field starts at today's last day, so the editor sees what is being changed.
  const [day, setDay] = useState<Date | undefined>(localDay(lastDay));
  const [time, setTime] = useState<string>();
  const [untilFurtherNotice, setUntilFurtherNotice] = useState(false);
  const [note, setNote] = useState('');
  const [missingDay, setMissingDay] = useState(false);
  const { run, error, busy } = useNoticeAction(documentId, 'extend');
  const confirm = () => {
    if (!untilFurtherNotice && !day) {
      setMissingDay(true);
      return;
    }
    void run({
      untilDate: untilFurtherNotice || !day ? null : dayOf(day),
      untilTime: untilFurtherNotice ? null : (time ?? null),
      note,
    });
  };
  return (
    <>
      <Button variant="secondary" fullWidth onClick={() => setOpen(true)}>
        Przedłuż…
      </Button>
      <ActionModal
        open={open}
        onOpenChange={setOpen}
        title="Przedłuż komunikat"
        confirm="Przedłuż i opublikuj"
        busy={busy}
        error={error}
        onConfirm={confirm}
      >
        <Typography>
          Komunikat zostaje pod tym samym adresem. Mieszkańcy, kanały RSS i kalendarze dostaną aktualizację we
          wszystkich opublikowanych językach.
        </Typography>
        <Field.Root
          name="extendUntilDate"
          error={missingDay ? 'Wybierz nowy ostatni dzień albo zaznacz „Do odwołania”.' : undefined}
          hint="Dzień, który mieszkańcy przeczytają jako ostatni („do 10 kwietnia”)."
        >
          <Field.Label>Nowy ostatni dzień</Field.Label>
          <DatePicker
            locale="pl-PL"
            value={day}
            minDate={localDay(lastDay)}
            disabled={untilFurtherNotice}
            onChange={(date) => {
              setDay(date);
              setMissingDay(false);
            }}
            onClear={() => setDay(undefined)}
            clearLabel="Wyczyść datę"
          />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
        <Field.Root name="extendUntilTime" hint="Tylko gdy komunikat kończy się w ciągu dnia, np. 16:00.">
          <Field.Label>Godzina końca (opcjonalnie)</Field.Label>
          <TimePicker
            value={time}
            disabled={untilFurtherNotice}
            onChange={(value) => setTime(value || undefined)}
            onClear={() => setTime(undefined)}
            clearLabel="Wyczyść godzinę"
          />
          <Field.Hint />
        </Field.Root>
        <Checkbox checked={untilFurtherNotice} onCheckedChange={(checked) => setUntilFurtherNotice(checked === true)}>
          Do odwołania
        </Checkbox>
        <NoteField
          value={note}
          onChange={setNote}
          hint="Dopisane do „Przedłużono do …” w rejestrze zmian, np. „Trwa remont instalacji”."
        />
      </ActionModal>
    </>
  );
}

function LiftButton({ documentId }: { documentId: string }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const { run, error, busy } = useNoticeAction(documentId, 'lift');
  return (
    <>
      <Button variant="danger-light" fullWidth onClick={() => setOpen(true)}>
        Odwołaj teraz…
      </Button>
      <ActionModal
        open={open}
        onOpenChange={setOpen}
        title="Odwołaj komunikat"
        confirm="Odwołaj i opublikuj"
        busy={busy}
        error={error}
        onConfirm={() => void run({ note })}
      >
        <Typography>
          Komunikat przestaje obowiązywać od tej chwili, we wszystkich opublikowanych językach. Zostaje w serwisie jako
          odwołany.
        </Typography>
        <NoteField value={note} onChange={setNote} hint="Dopisane do „Komunikat odwołano.”, np. „Awarię usunięto”." />
      </ActionModal>
    </>
  );
}

/** "Zobacz w serwisie": the published page, as residents read it, in the language being edited. */
function SiteLink({ documentId, locale }: { documentId: string; locale: string | undefined }) {
  const { get } = useFetchClient();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    get<{ data: { url: string | null } }>(`/tablica/notices/${documentId}/site-url?locale=${locale ?? 'pl'}`)
      .then((response) => {
        if (current) setUrl(response.data.data.url);
      })
      .catch(() => {
        // The CMS restarting: no link this time.
      });
    return () => {
      current = false;
    };
  }, [get, documentId, locale]);
  if (!url) return null;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" style={{ color: '#4945ff', fontWeight: 600 }}>
      Zobacz w serwisie (nowa karta)
    </a>
  );
}

/** A side panel of the notice edit view; nothing for drafts, other types or lifted notices. */
export function NoticeActionsPanel({ model, documentId, document }: PanelProps) {
  if (model !== NOTICE || !documentId || !document) return null;
  const status = document.status;
  if (status !== 'published' && status !== 'modified') return null;
  const siteLink = <SiteLink documentId={documentId} locale={document.locale} />;
  if (document.liftedAt) {
    return {
      title: 'Sytuacja się zmieniła',
      content: (
        <Flex direction="column" alignItems="stretch" gap={2} width="100%">
          <Typography>Komunikat odwołano. Aby ogłosić coś nowego, utwórz nowy komunikat.</Typography>
          {siteLink}
        </Flex>
      ),
    };
  }
  return {
    title: 'Sytuacja się zmieniła',
    content:
      status === 'modified' ? (
        <Flex direction="column" alignItems="stretch" gap={2} width="100%">
          <Typography>
            Masz nieopublikowane zmiany. Opublikuj je albo odrzuć, a potem przedłuż lub odwołaj komunikat.
          </Typography>
          {siteLink}
        </Flex>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2} width="100%">
          {siteLink}
          {/* A notice in force until further notice has nothing to extend. */}
          {document.effectiveUntilDate ? (
            <ExtendButton documentId={documentId} lastDay={document.effectiveUntilDate} />
          ) : null}
          <LiftButton documentId={documentId} />
        </Flex>
      ),
  };
}
