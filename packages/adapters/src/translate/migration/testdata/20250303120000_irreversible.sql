-- No down file, and a statement without an inverse: the derived down undoes what follows it, then stops there with an error.
CREATE TABLE "notes" ("id" serial PRIMARY KEY, "body" text);
ALTER TABLE "notes" ALTER COLUMN "body" TYPE varchar(500);
CREATE TABLE "labels" ("id" serial PRIMARY KEY, "name" text NOT NULL);
