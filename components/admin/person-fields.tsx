import { TextField } from "@/components/form/text-field";

type Props = {
  /** Prefix of the inputs' ids, so two forms on one page never share one. */
  idPrefix: string;
  labels: { email: string; name: string };
  kept?: Record<string, string>;
  errors?: Record<string, string[]>;
};

/** The person's e-mail address and name, as the add-user and invite forms both ask for them. */
export function PersonFields({ idPrefix, labels, kept, errors }: Props) {
  return (
    <>
      <TextField
        id={`${idPrefix}-email`}
        name="email"
        label={labels.email}
        type="email"
        kind="address"
        required
        defaultValue={kept?.email}
        messages={errors?.email}
      />
      <TextField id={`${idPrefix}-name`} name="name" label={labels.name} defaultValue={kept?.name} messages={errors?.name} />
    </>
  );
}
