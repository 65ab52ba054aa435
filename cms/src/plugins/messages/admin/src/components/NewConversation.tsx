import { useEffect, useState, type FormEvent } from 'react';
import { Box, Button, Combobox, ComboboxOption, Field, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { defineMessages, useIntl, type IntlShape } from 'react-intl';
import type { ChatMember, MemberRef } from '@ventalis/contracts';
import { refusalOf, type MessagesApi } from '../api';
import { keyOf } from '../conversations';
import { roleText, text, type Text } from '../texts';

const own = defineMessages({
  open: { id: 'messages.new.open' },
  writeTo: { id: 'messages.new.write-to' },
  placeholder: { id: 'messages.new.placeholder' },
  nobody: { id: 'messages.new.nobody' },
  choose: { id: 'messages.new.choose' },
  cancel: { id: 'messages.new.cancel' },
  start: { id: 'messages.new.start' },
});

interface Props {
  api: MessagesApi;
  /** Starts (or finds) the conversation; resolves to the refusal to show, or null. */
  onStart: (contact: MemberRef) => Promise<Text | null>;
}

const describe = (member: ChatMember, intl: IntlShape) => `${member.name}${member.company ? ` (${member.company})` : ''} · ${intl.formatMessage(roleText[member.role])}`;

/** "New conversation": anyone the administrator may write to, found by typing a name or company. */
export const NewConversation = ({ api, onStart }: Props) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const [open, setOpen] = useState(false);
  const [contacts, setContacts] = useState<ChatMember[] | null>(null);
  const [chosen, setChosen] = useState<string | undefined>();
  const [error, setError] = useState<Text | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    api
      .contacts()
      .then((list) => live && setContacts(list))
      .catch((failure: unknown) => live && setError(refusalOf(failure, text.contactsNotLoaded)));
    return () => {
      live = false;
    };
  }, [open, api]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const contact = contacts?.find((c) => keyOf(c) === chosen);
    if (!contact) return setError(own.choose);
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
        {formatMessage(own.open)}
      </Button>
    );
  }
  return (
    <Box tag="form" onSubmit={submit} noValidate padding={3} hasRadius background="neutral100">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Field.Root name="contact" error={error ? formatMessage(error) : undefined}>
          <Field.Label>{formatMessage(own.writeTo)}</Field.Label>
          <Combobox
            placeholder={formatMessage(own.placeholder)}
            // A company or a last name finds the person too, not only the start of their first name.
            autocomplete={{ type: 'list', filter: 'contains' }}
            value={chosen}
            onChange={(value?: string) => {
              setChosen(value);
              setError(null);
            }}
            loading={contacts === null && !error}
            noOptionsMessage={() => formatMessage(own.nobody)}
          >
            {(contacts ?? []).map((contact) => (
              <ComboboxOption key={keyOf(contact)} value={keyOf(contact)}>
                {describe(contact, intl)}
              </ComboboxOption>
            ))}
          </Combobox>
          <Field.Error />
        </Field.Root>
        <Flex gap={2} justifyContent="flex-end">
          <Button variant="tertiary" onClick={() => setOpen(false)}>
            {formatMessage(own.cancel)}
          </Button>
          <Button type="submit" loading={starting}>
            {formatMessage(own.start)}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};
