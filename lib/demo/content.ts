/** The demo document: our own prose, written for Marginalia's first start. */
export const DEMO_TITLE = "On Reading in the Margins";

export const DEMO_MARKDOWN = `Every serious reader has, at some point, argued with a book. The argument rarely happens out loud. It happens in pencil, in the narrow strip of white that printers leave around a page — a question mark beside a claim that seems too quick, a line under a sentence that lands exactly right, a “*but see chapter four*” that ties one passage to another.

Those marks were never meant to be private. Medieval scribes copied the glosses of earlier readers along with the text itself, so that a student opening a manuscript met not one voice but a conversation that had run for generations. The margin was where a text stayed **alive**: corrected, contested, explained.

## What changes when a group reads together

A seminar that reads the same chapter in the same week does something no single reader can. One person notices that a date is wrong in the transcription; another recognises an allusion; a third asks the question everyone else was too shy to ask. The value lies less in any single note than in how the notes meet.

For that to work, three things have to hold:

- the notes must stay attached to the words they are about, even while someone fixes a typo in the sentence;
- everyone must see the same text, not six slightly different copies;
- the people who keep the discussion useful — the teacher, the editor, the moderator — need tools that are quick and fair.

> A text is never finished, only left for the next reader to take up.

## A small exercise

Select a phrase in this document that you disagree with, and say why. Then find a phrase someone else has marked and answer them. If the transcription has an error, correct it in place: the notes around it will follow the words.
`;
