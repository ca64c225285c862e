import { RichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef } from 'react';
import { fromEditorJson, toEditorJson, type EditorNode } from '../../../../../electron/core/letters/editorJson';
import type { RichText } from '../../../../../electron/core/letters/richText';

/**
 * The letter body editor: paragraphs, bold, italic, underline, bulleted and numbered lists, nothing else.
 * Everything else StarterKit offers is switched off, so text pasted from Word keeps only those (ProseMirror
 * drops any mark or node the schema does not have).
 */
export function BodyEditor(props: { value: RichText; onChange: (body: RichText) => void; readOnly: boolean }) {
  // The editor is created once; its update handler reads the latest onChange through a ref.
  const onChange = useRef(props.onChange);
  useEffect(() => {
    onChange.current = props.onChange;
  });
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: false,
        blockquote: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        link: false,
        dropcursor: false,
      }),
    ],
    content: toEditorJson(props.value),
    // A screen reader announces the editor as the letter's body, like any other labelled field.
    editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Letter body' } },
    editable: !props.readOnly,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    onUpdate: ({ editor: e }) => onChange.current(fromEditorJson(e.getJSON() as EditorNode)),
  });
  useEffect(() => {
    editor?.setEditable(!props.readOnly);
  }, [editor, props.readOnly]);

  return (
    <RichTextEditor editor={editor} aria-label="Letter body">
      <RichTextEditor.Toolbar>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Bold />
          <RichTextEditor.Italic />
          <RichTextEditor.Underline />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.BulletList />
          <RichTextEditor.OrderedList />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Undo />
          <RichTextEditor.Redo />
        </RichTextEditor.ControlsGroup>
      </RichTextEditor.Toolbar>
      <RichTextEditor.Content />
    </RichTextEditor>
  );
}
