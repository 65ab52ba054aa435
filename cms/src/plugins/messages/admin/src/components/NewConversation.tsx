import { useEffect, useState, type FormEvent } from 'react';
import { Box, Button, Combobox, ComboboxOption, Field, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import type { ChatMember, MemberRef } from '@ventalis/contracts';
import { reasonOf, type MessagesApi } from '../api';
import { keyOf, roleLabel } from '../conversations';

interface Props {
  api: MessagesApi;
  /** Starts (or finds) the conversation; resolves to the refusal to show, or null. */
  onStart: (contact: MemberRef) => Promise<string | null>;
}

const describe = (member: ChatMember) => `${member.name}${member.company ? ` (${member.company})` : ''} · ${roleLabel[member.role]}`;

/** "New conversation": anyone the administrator may write to, found by typing a name or company. */
export const NewConversation = ({ api, onStart }: Props) => {
  const [open, setOpen] = useState(false);
  const [contacts, setContacts] = useState<ChatMember[] | null>(null);
  const [chosen, setChosen] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    api
      .contacts()
      .then((list) => live && setContacts(list))
      .catch((failure: unknown) => live && setError(reasonOf(failure, 'The people you can write to could not be loaded: try again.')));
    return () => {
      live = false;
    };
  }, [open, api]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const contact = contacts?.find((c) => keyOf(c) === chosen);
    if (!contact) return setError('Choose whom to write to');
    setStarting(true);
    const refusal = await onStart({ kind: contact.kind, id: contact.id });
    setStarting(false);
    setError(refusal);
    if (!refusal) {
      setOpen(false);
      setChosen(undefined);
    }
  }

  if (!open) {
    return (
      <Button variant="secondary" startIcon={<Plus />} onClick={() => setOpen(true)} fullWidth>
        New conversation
      </Button>
    );
  }
  return (
    <Box tag="form" onSubmit={submit} noValidate padding={3} hasRadius background="neutral100">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Field.Root name="contact" error={error ?? undefined}>
          <Field.Label>Write to</Field.Label>
          <Combobox
            placeholder="A name or a company"
            // A company or a last name finds the person too, not only the start of their first name.
            autocomplete={{ type: 'list', filter: 'contains' }}
            value={chosen}
            onChange={(value?: string) => {
              setChosen(value);
              setError(null);
            }}
            loading={contacts === null && !error}
            noOptionsMessage={() => 'Nobody by that name'}
          >
            {(contacts ?? []).map((contact) => (
              <ComboboxOption key={keyOf(contact)} value={keyOf(contact)}>
                {describe(contact)}
              </ComboboxOption>
            ))}
          </Combobox>
          <Field.Error />
        </Field.Root>
        <Flex gap={2} justifyContent="flex-end">
          <Button variant="tertiary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" loading={starting}>
            Start
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};
