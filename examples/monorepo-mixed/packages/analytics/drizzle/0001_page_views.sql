CREATE TABLE "analytics_page_views" (
	"id" serial PRIMARY KEY NOT NULL,
	"path" text NOT NULL,
	"views" integer DEFAULT 0 NOT NULL
);
